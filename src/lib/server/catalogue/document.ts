import type { CourseSpec, LangCode, LangString, RichText } from '$lib/course-spec/types';
import { richTextToPlain } from '$lib/course-spec/rich-text';
import { primaryLanguage } from '$lib/course-spec/rules/field-values';
import { findConcept, ISCED_F_FIELDS } from '$lib/course-spec/vocabularies';

// What the catalogue indexes of a published spec: the result card's values, the filters, and the
// searchable text sorted by search configuration and weight. Pure, so the rules are unit-tested.

/** The text-search configurations the catalogue keeps a vector for. */
export const SEARCH_BUCKETS = ['fi', 'sv', 'en', 'other'] as const;
export type SearchBucket = (typeof SEARCH_BUCKETS)[number];

/** The PostgreSQL configuration of each bucket ('simple' neither stems nor drops stop words). */
export const BUCKET_CONFIG: Record<SearchBucket, 'finnish' | 'swedish' | 'english' | 'simple'> = {
	fi: 'finnish',
	sv: 'swedish',
	en: 'english',
	other: 'simple'
};

/** Text by weight: A the title, B summary, outcomes and topics, C modules. */
export interface WeightedText {
	a: string;
	b: string;
	c: string;
}

export interface CatalogueDocument {
	language: LangCode;
	title: string;
	excerpt: string;
	provider: string;
	country: string | null;
	languages: string[];
	eqfLevel: number | null;
	ects: number | null;
	participationForm: string | null;
	fieldCode: string | null;
	/** Lower-cased, as the topic filter compares them. */
	topics: string[];
	text: Record<SearchBucket, WeightedText>;
}

/** ts_headline marks matches with these; they are removed from indexed text so only ours remain. */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';
const SENTINELS = /[\uE000\uE001]/g;

const EXCERPT_LENGTH = 240;

/** The bucket a text in this BCP 47 language is searched in. */
export function bucketOf(lang: LangCode): SearchBucket {
	const base = lang.toLowerCase().split('-')[0];
	return base === 'fi' || base === 'sv' || base === 'en' ? base : 'other';
}

function firstNonEmpty(value: LangString, lang: LangCode): string {
	return (value[lang] ?? '').trim() || Object.values(value).find((v) => v.trim() !== '')?.trim() || '';
}

/** Cut at a word boundary, with an ellipsis when something was left out. */
export function excerptOf(text: string, length = EXCERPT_LENGTH): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= length) return flat;
	const cut = flat.slice(0, length);
	const space = cut.lastIndexOf(' ');
	return `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

export function catalogueDocument(spec: CourseSpec): CatalogueDocument {
	const lang = primaryLanguage(spec);
	const text: Record<SearchBucket, { a: string[]; b: string[]; c: string[] }> = {
		fi: { a: [], b: [], c: [] },
		sv: { a: [], b: [], c: [] },
		en: { a: [], b: [], c: [] },
		other: { a: [], b: [], c: [] }
	};
	const add = (weight: 'a' | 'b' | 'c', value: LangString) => {
		for (const [key, s] of Object.entries(value)) if (s.trim()) text[bucketOf(key)][weight].push(s.trim());
	};
	const addRich = (weight: 'a' | 'b' | 'c', value: RichText) => {
		for (const [key, doc] of Object.entries(value)) {
			const plain = richTextToPlain(doc);
			if (plain) text[bucketOf(key)][weight].push(plain);
		}
	};

	add('a', spec.title);
	addRich('b', spec.summary);
	for (const outcome of spec.learningOutcomes) add('b', outcome.text);
	for (const module of spec.modules) {
		add('c', module.title);
		addRich('c', module.description);
	}
	// Topics are free tags in no stated language: searched in the primary language and as they are.
	const topics = spec.topics.map((t) => t.trim()).filter(Boolean);
	if (topics.length > 0) {
		text[bucketOf(lang)].b.push(topics.join(', '));
		if (bucketOf(lang) !== 'other') text.other.b.push(topics.join(', '));
	}
	const provider = firstNonEmpty(spec.awardingBody.name, lang);
	if (spec.code?.trim()) text.other.b.push(spec.code.trim());
	if (provider) text.other.c.push(provider);

	const join = (parts: string[]) => parts.join('\n').replace(SENTINELS, '');
	const eqf = typeof spec.eqfLevel === 'number' ? spec.eqfLevel : null;
	const field = findConcept(ISCED_F_FIELDS, spec.fieldOfStudy);
	return {
		language: lang,
		title: firstNonEmpty(spec.title, lang).replace(SENTINELS, ''),
		excerpt: excerptOf(richTextToPlain(spec.summary[lang]) || richTextToPlain(Object.values(spec.summary)[0])),
		provider,
		country: spec.awardingBody.country,
		languages: [...spec.languages],
		eqfLevel: eqf,
		ects: spec.ectsCredits,
		participationForm: spec.participationForm,
		fieldCode: field?.code ?? null,
		topics: [...new Set(topics.map((t) => t.toLowerCase()))],
		text: Object.fromEntries(
			SEARCH_BUCKETS.map((bucket) => [bucket, { a: join(text[bucket].a), b: join(text[bucket].b), c: join(text[bucket].c) }])
		) as Record<SearchBucket, WeightedText>
	};
}
