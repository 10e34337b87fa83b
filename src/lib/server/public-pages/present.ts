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
	/** The language of the text shown (the edition's, or the primary one where it has none); absent for other values. */
	lang?: string;
}

export interface PublicItem {
	id: string;
	/** "Module 2: Materials" or "LO1". */
	heading: string;
	/** The language of the title in the heading, if it has one. */
	headingLang?: string;
	entries: PublicEntry[];
}

export interface PublicSpec {
	/** The edition's language: the texts are in it, except where a text has no translation (see PublicEntry.lang). */
	lang: string;
	/** The course's primary language, which texts fall back to. */
	primaryLang: string;
	/** The language the title is in. */
	titleLang: string;
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

const filled = (fields: { field: SectionField['field']; shown: Shown; lang?: string }[]): PublicEntry[] =>
	fields.flatMap(({ field, shown, lang }) =>
		shown.kind === 'empty' ? [] : [{ key: field.key, label: field.label, shown, ...(lang ? { lang } : {}) }]
	);

function items(section: Section | undefined): PublicItem[] {
	const list = section?.fields.find((f) => f.field.kind === 'list');
	return (list?.items ?? []).map((item) => ({
		id: item.id,
		heading: item.title,
		...(item.titleLang ? { headingLang: item.titleLang } : {}),
		entries: filled(item.fields)
	}));
}

/** The published spec as its public page shows it, in one of its languages (the primary one unless given). */
export function presentPublicSpec(spec: CourseSpec, lang: string = primaryLanguage(spec)): PublicSpec {
	const primary = primaryLanguage(spec);
	const sections = new Map(presentSpec(spec, lang).map((s) => [s.key, s]));
	const overview = filled((sections.get('overview')?.fields ?? []).filter((f) => f.field.kind !== 'list'));
	const byKey = (key: FieldKey) => overview.find((e) => e.key === key);
	const title = byKey('title');
	const summary = byKey('summary') ?? null;
	const assessment = sections.get('assessment');
	const credential = filled((sections.get('credential')?.fields ?? []).filter((f) => f.field.kind !== 'list'));
	const provider = credential.find((e) => e.key === 'awardingBodyName')?.shown;
	return {
		lang,
		primaryLang: primary,
		titleLang: title?.lang ?? lang,
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
		description: richTextToPlain(spec.summary[summary?.lang ?? lang]).replace(/\s+/g, ' ').trim()
	};
}
