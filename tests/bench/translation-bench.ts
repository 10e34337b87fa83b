import * as Y from 'yjs';
import { docToSpec, specToDoc } from '$lib/course-spec/doc';
import { multilingualSpec } from '$lib/course-spec/fixtures';
import { replaceText } from '$lib/course-spec/layout';
import { getText } from '$lib/course-spec/mutations';
import { translationProgress, translationProgressOf } from '$lib/course-spec/translation';
import type { CourseSpec } from '$lib/course-spec/types';

// `npm run bench:translation`: what the editor's live panel pays per frame for per-language progress
// (translationProgress for each other language, read from the Y.Doc), next to docToSpec, which it
// already runs per frame. Figures are printed, never asserted.

const RUNS = 40;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time(fn: () => unknown): number {
	const samples: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const start = performance.now();
		fn();
		samples.push(performance.now() - start);
	}
	return median(samples.slice(1));
}

/** The fi/sv/en fixture with its lists grown to `outcomes` outcomes and a third as many modules. */
function largeSpec(outcomes: number): CourseSpec {
	const spec = multilingualSpec();
	const outcome = spec.learningOutcomes[0];
	const module = { ...spec.modules[0], description: { fi: spec.summary.fi, sv: spec.summary.sv, en: spec.summary.en } };
	spec.learningOutcomes = Array.from({ length: outcomes }, (_, i) => ({ ...outcome, id: `outcome${String(i).padStart(4, '0')}` }));
	spec.modules = Array.from({ length: Math.ceil(outcomes / 3) }, (_, i) => ({ ...module, id: `module${String(i).padStart(5, '0')}`, outcomeIds: [] }));
	spec.assessments.forEach((a) => (a.outcomeIds = []));
	return spec;
}

const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);

export async function runTranslationBench(): Promise<number> {
	console.log(['outcomes'.padStart(8), 'modules'.padStart(8), 'units'.padStart(6), 'docToSpec'.padStart(10), 'progress ×2'.padStart(12)].join(' '));
	for (const outcomes of [3, 30, 120]) {
		const doc: Y.Doc = specToDoc(largeSpec(outcomes));
		// Some translations behind their source, as in use.
		replaceText(getText(doc, 'title', 'fi'), 'Kiertotalouden tuotesuunnittelu pk-yrityksille');
		const spec = docToSpec(doc);
		const toSpec = time(() => docToSpec(doc));
		const progress = time(() => translationProgressOf(doc, ['sv', 'en']));
		const units = translationProgress(doc, 'sv').total;
		console.log([String(outcomes).padStart(8), String(spec.modules.length).padStart(8), String(units).padStart(6), ms(toSpec), ms(progress).padStart(12)].join(' '));
	}
	return 0;
}
