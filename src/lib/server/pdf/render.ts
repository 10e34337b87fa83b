import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { Shown } from '$lib/course-spec/present';
import { addressedLine } from '$lib/feedback/pilot-note';
import type { PilotFeedbackNote } from '../feedback/items';
import type { PublicEntry, PublicItem, PublicSpec } from '../public-pages/present';
import { richTextBlocks, type Block } from './rich-blocks';
import template from './course.typ?raw';
// The fonts travel inside the server bundle, so the PDF looks the same on every machine and nothing
// is looked up on disk or fetched (Typst packages are not used for the same reason).
import interRegular from './fonts/Inter-Regular.otf?inline';
import interBold from './fonts/Inter-Bold.otf?inline';
import interItalic from './fonts/Inter-Italic.otf?inline';
import interBoldItalic from './fonts/Inter-BoldItalic.otf?inline';

export interface CoursePdfInput {
	spec: PublicSpec;
	provider: string;
	version: number;
	latest: number;
	publishedAt: Date;
	contentHash: string;
	retired: boolean;
	/** Absolute URLs of this version's page and of the latest one. */
	url: string;
	latestUrl: string;
	/** "Updated after pilot feedback", when the version answers pilot feedback (the team's words only). */
	pilotFeedback?: PilotFeedbackNote | null;
	/** "Co-created with…" when the owner shows it; empty otherwise. */
	coCreated?: string;
}

type Value =
	| { kind: 'text'; text: string }
	| { kind: 'rich'; blocks: Block[] }
	| { kind: 'link'; href: string; text: string }
	| { kind: 'list' | 'tags'; items: string[] };

function valueOf(shown: Exclude<Shown, { kind: 'empty' }>): Value {
	switch (shown.kind) {
		case 'text':
			return { kind: 'text', text: shown.text };
		case 'html':
			return { kind: 'rich', blocks: richTextBlocks(shown.doc) };
		case 'link':
			return { kind: 'link', href: shown.href, text: shown.text };
		default:
			return { kind: shown.kind, items: shown.items };
	}
}

const entries = (list: PublicEntry[]) => list.map((e) => ({ label: e.label, value: valueOf(e.shown) }));
const items = (list: PublicItem[]) => list.map((item) => ({ heading: item.heading, entries: entries(item.entries) }));

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The data the template lays out (exported for tests of what reaches Typst). */
export function pdfData(input: CoursePdfInput) {
	const { spec } = input;
	return {
		title: spec.title,
		lang: spec.lang.split('-')[0].toLowerCase(),
		provider: input.provider,
		version: String(input.version),
		latest: String(input.latest),
		isLatest: input.version === input.latest,
		published: dateFormat.format(input.publishedAt),
		hash: input.contentHash,
		retired: input.retired,
		url: input.url,
		latestUrl: input.latestUrl,
		coCreated: input.coCreated ?? '',
		summary: spec.summary?.shown.kind === 'html' ? richTextBlocks(spec.summary.shown.doc) : null,
		facts: entries(spec.facts),
		about: entries(spec.about),
		outcomes: spec.outcomes.map((o) => ({
			heading: o.heading,
			text: o.entries.map((e) => (e.shown.kind === 'text' ? e.shown.text : '')).join(' ')
		})),
		modules: items(spec.modules),
		assessments: items(spec.assessments),
		assessmentDetails: entries(spec.assessmentDetails),
		credential: entries(spec.credential),
		// English like the PDF's other labels (not yet in messages), so a page never mixes two languages.
		pilot: input.pilotFeedback
			? { summary: input.pilotFeedback.summary, addressed: addressedLine(input.pilotFeedback.addressed, { locale: 'en' }), items: input.pilotFeedback.items }
			: null
	};
}

let compiler: NodeCompiler | undefined;

function typst(): NodeCompiler {
	compiler ??= NodeCompiler.create({
		fontArgs: [
			{
				fontBlobs: [interRegular, interBold, interItalic, interBoldItalic].map((dataUrl) =>
					Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
				)
			}
		]
	});
	return compiler;
}

/** The course as an A4 PDF (tagged, with an outline); the same input gives the same bytes. */
export function renderCoursePdf(input: CoursePdfInput): Buffer {
	const compiler = typst();
	const result = compiler.compile({ mainFileContent: template, inputs: { data: JSON.stringify(pdfData(input)) } });
	try {
		const error = result.takeError();
		if (error || !result.result) {
			const details = error?.shortDiagnostics.map((d) => JSON.stringify(d)).join('\n') ?? 'no document';
			throw new Error(`Typst could not lay out the course PDF:\n${details}`);
		}
		return compiler.pdf(result.result);
	} finally {
		// Typst memoises layouts across compilations; keep only what recent ones used.
		compiler.evictCache(10);
	}
}
