import { presentSpec, type Shown } from '$lib/course-spec/present';
import { richTextToPlain } from '$lib/course-spec/rich-text';
import { primaryLanguage } from '$lib/course-spec/rules/field-values';
import type { FieldKey } from '$lib/course-spec/fields';
import type { CourseSpec } from '$lib/course-spec/types';

// A published spec arranged as a public course description: key facts first, then outcomes, modules,
// assessment and the credential's details, every EU element a labelled value. Built on presentSpec,
// so the page and the PDF show exactly what the editor's read-only views show, minus empty fields.

export interface PublicEntry {
	key: FieldKey;
	label: string;
	shown: Exclude<Shown, { kind: 'empty' }>;
}

export interface PublicItem {
	id: string;
	/** "Module 2: Materials" or "LO1". */
	heading: string;
	entries: PublicEntry[];
}

export interface PublicSpec {
	/** The primary language: the texts are in it. */
	lang: string;
	title: string;
	/** The awarding body's name. */
	provider: string;
	summary: PublicEntry | null;
	/** The figures a reader looks for first: credits, workload, levels, form of participation, languages. */
	facts: PublicEntry[];
	/** The rest of the overview: code, target group, prerequisites, topics, field of study. */
	about: PublicEntry[];
	outcomes: PublicItem[];
	modules: PublicItem[];
	assessments: PublicItem[];
	/** Supervision and ID verification, grading: about assessment as a whole. */
	assessmentDetails: PublicEntry[];
	credential: PublicEntry[];
	/** Plain text for search engines and link previews. */
	description: string;
}

const FACTS: readonly FieldKey[] = [
	'ectsCredits',
	'workloadHours',
	'eqfLevel',
	'nqfLevel',
	'participationForm',
	'learningSetting',
	'languages'
];

type Section = ReturnType<typeof presentSpec>[number];
type SectionField = Section['fields'][number];

const filled = (fields: { field: SectionField['field']; shown: Shown }[]): PublicEntry[] =>
	fields.flatMap(({ field, shown }) => (shown.kind === 'empty' ? [] : [{ key: field.key, label: field.label, shown }]));

function items(section: Section | undefined): PublicItem[] {
	const list = section?.fields.find((f) => f.field.kind === 'list');
	return (list?.items ?? []).map((item) => ({ id: item.id, heading: item.title, entries: filled(item.fields) }));
}

export function presentPublicSpec(spec: CourseSpec): PublicSpec {
	const sections = new Map(presentSpec(spec).map((s) => [s.key, s]));
	const overview = filled((sections.get('overview')?.fields ?? []).filter((f) => f.field.kind !== 'list'));
	const byKey = (key: FieldKey) => overview.find((e) => e.key === key);
	const title = byKey('title');
	const summary = byKey('summary') ?? null;
	const assessment = sections.get('assessment');
	const credential = filled((sections.get('credential')?.fields ?? []).filter((f) => f.field.kind !== 'list'));
	const provider = credential.find((e) => e.key === 'awardingBodyName')?.shown;
	return {
		lang: primaryLanguage(spec),
		title: title?.shown.kind === 'text' ? title.shown.text : 'Untitled course',
		provider: provider?.kind === 'text' ? provider.text : '',
		summary,
		facts: FACTS.flatMap((key) => byKey(key) ?? []),
		about: overview.filter((e) => e.key !== 'title' && e.key !== 'summary' && !FACTS.includes(e.key)),
		outcomes: items(sections.get('outcomes')),
		modules: items(sections.get('modules')),
		assessments: items(assessment),
		assessmentDetails: filled((assessment?.fields ?? []).filter((f) => f.field.kind !== 'list')),
		credential,
		description: richTextToPlain(spec.summary[primaryLanguage(spec)]).replace(/\s+/g, ' ').trim()
	};
}
