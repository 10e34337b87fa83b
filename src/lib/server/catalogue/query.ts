import { m } from '$lib/paraglide/messages';
import { LIMITS } from '$lib/course-spec/limits';
import { ISCED_F_TREE } from '$lib/course-spec/isced-f';
import { LANGUAGES, PARTICIPATION_FORMS } from '$lib/course-spec/vocabularies';

// A catalogue search as it travels in the URL (the page's form and the API share it), so that a
// search can be bookmarked and shared. Parsing checks every parameter and says what is wrong with it.

export const SORTS = ['relevance', 'newest', 'title', 'ects'] as const;
export type CatalogueSort = (typeof SORTS)[number];

export interface CatalogueQuery {
	q: string;
	/** ISCED-F code at any level: a broad field takes in its narrow and detailed fields. */
	field: string | null;
	topic: string | null;
	eqf: number[];
	ectsMin: number | null;
	ectsMax: number | null;
	lang: string | null;
	/** The participation form's URI. */
	form: string | null;
	provider: string | null;
	sort: CatalogueSort;
	page: number;
	pageSize: number;
}

export interface QueryIssue {
	param: string;
	message: string;
}

export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 10_000;
const MAX_QUERY_LENGTH = 200;
const MAX_PROVIDER_LENGTH = LIMITS.shortTextLength;

const slugOf = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Participation forms by a short, readable name for URLs (online, blended, presential…). */
export const FORM_SLUGS: ReadonlyMap<string, string> = new Map(
	PARTICIPATION_FORMS.concepts.map((c) => [slugOf(c.label.en), c.uri])
);
export const formSlug = (uri: string): string | undefined => [...FORM_SLUGS].find(([, u]) => u === uri)?.[0];

const FIELD_CODES = new Set(ISCED_F_TREE.map((f) => f.code));
const LANGUAGE_CODES = new Set(LANGUAGES.concepts.map((c) => c.code!));
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The parameters a search understands; the API refuses any other. */
export const QUERY_PARAMS = ['q', 'field', 'topic', 'eqf', 'ectsMin', 'ectsMax', 'lang', 'form', 'provider', 'sort', 'page', 'pageSize'] as const;

export type ParsedQuery = { ok: true; query: CatalogueQuery } | { ok: false; issues: QueryIssue[]; query: CatalogueQuery };

/**
 * Reads a search from URL parameters. Empty parameters count as not given (an empty form field).
 * On issues the query returned holds the valid parts, for showing the form again.
 */
export function parseCatalogueQuery(params: URLSearchParams, options: { allowPageSize?: boolean } = {}): ParsedQuery {
	const issues: QueryIssue[] = [];
	const one = (name: string): string | null => {
		const values = params.getAll(name).filter((v) => v.trim() !== '');
		if (values.length > 1) issues.push({ param: name, message: m.catalogue_param_once({ name }) });
		const value = values[0]?.trim() ?? null;
		if (value !== null && CONTROL.test(value)) {
			issues.push({ param: name, message: m.catalogue_control_characters() });
			return null;
		}
		return value;
	};
	const number = (name: string, check: (n: number) => string | null): number | null => {
		const raw = one(name);
		if (raw === null) return null;
		const n = Number(raw);
		const problem = Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(raw) ? check(n) : m.catalogue_enter_number();
		if (problem) {
			issues.push({ param: name, message: problem });
			return null;
		}
		return n;
	};

	let q = one('q') ?? '';
	if (q.length > MAX_QUERY_LENGTH) {
		issues.push({ param: 'q', message: m.form_max_characters({ max: MAX_QUERY_LENGTH }) });
		q = '';
	}

	let field = one('field');
	if (field !== null && !FIELD_CODES.has(field)) {
		issues.push({ param: 'field', message: m.catalogue_field_invalid() });
		field = null;
	}

	let topic = one('topic');
	if (topic !== null && topic.length > LIMITS.topicLength) {
		issues.push({ param: 'topic', message: m.catalogue_topic_too_long({ max: LIMITS.topicLength }) });
		topic = null;
	}

	const eqf: number[] = [];
	for (const raw of params.getAll('eqf').filter((v) => v.trim() !== '')) {
		const level = Number(raw);
		if (Number.isInteger(level) && level >= 1 && level <= 8 && /^\d$/.test(raw.trim())) {
			if (!eqf.includes(level)) eqf.push(level);
		} else {
			issues.push({ param: 'eqf', message: m.catalogue_eqf_invalid() });
		}
	}
	eqf.sort((a, b) => a - b);

	const ectsRange = (n: number) => (n < 0 || n > LIMITS.ectsMax ? m.catalogue_ects_range({ max: LIMITS.ectsMax }) : null);
	const ectsMin = number('ectsMin', ectsRange);
	let ectsMax = number('ectsMax', ectsRange);
	if (ectsMin !== null && ectsMax !== null && ectsMin > ectsMax) {
		issues.push({ param: 'ectsMax', message: m.catalogue_ects_max_below_min() });
		ectsMax = null;
	}

	let lang = one('lang');
	if (lang !== null && !LANGUAGE_CODES.has(lang)) {
		issues.push({ param: 'lang', message: m.catalogue_lang_invalid() });
		lang = null;
	}

	const formName = one('form');
	const form = formName === null ? null : (FORM_SLUGS.get(formName) ?? null);
	if (formName !== null && form === null) {
		issues.push({ param: 'form', message: m.catalogue_form_invalid({ forms: [...FORM_SLUGS.keys()].join(', ') }) });
	}

	let provider = one('provider');
	if (provider !== null && provider.length > MAX_PROVIDER_LENGTH) {
		issues.push({ param: 'provider', message: m.form_max_characters({ max: MAX_PROVIDER_LENGTH }) });
		provider = null;
	}

	const sortName = one('sort');
	let sort: CatalogueSort = q ? 'relevance' : 'newest';
	if (sortName !== null) {
		if ((SORTS as readonly string[]).includes(sortName)) sort = sortName as CatalogueSort;
		else issues.push({ param: 'sort', message: m.catalogue_sort_invalid({ sorts: SORTS.join(', ') }) });
	}
	// Without words there is nothing to be relevant to: newest first.
	if (sort === 'relevance' && !q) sort = 'newest';

	const whole = (max: number) => (n: number) => (Number.isInteger(n) && n >= 1 && n <= max ? null : m.catalogue_whole_number({ max }));
	const page = number('page', whole(MAX_PAGE)) ?? 1;
	let pageSize = PAGE_SIZE;
	if (options.allowPageSize) pageSize = number('pageSize', whole(MAX_PAGE_SIZE)) ?? PAGE_SIZE;

	const query: CatalogueQuery = { q, field, topic, eqf, ectsMin, ectsMax, lang, form, provider, sort, page, pageSize };
	return issues.length > 0 ? { ok: false, issues, query } : { ok: true, query };
}

/** The URL parameters of a query (defaults left out), for links to other pages and sorts. */
export function queryParams(query: CatalogueQuery, change: Partial<CatalogueQuery> = {}): URLSearchParams {
	const next = { ...query, ...change };
	const params = new URLSearchParams();
	if (next.q) params.set('q', next.q);
	if (next.field) params.set('field', next.field);
	if (next.topic) params.set('topic', next.topic);
	for (const level of next.eqf) params.append('eqf', String(level));
	if (next.ectsMin !== null) params.set('ectsMin', String(next.ectsMin));
	if (next.ectsMax !== null) params.set('ectsMax', String(next.ectsMax));
	if (next.lang) params.set('lang', next.lang);
	if (next.form) params.set('form', formSlug(next.form) ?? '');
	if (next.provider) params.set('provider', next.provider);
	if (next.sort !== (next.q ? 'relevance' : 'newest')) params.set('sort', next.sort);
	if (next.page !== 1) params.set('page', String(next.page));
	if (next.pageSize !== PAGE_SIZE) params.set('pageSize', String(next.pageSize));
	return params;
}
