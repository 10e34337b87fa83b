import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/types';
import { BUCKET_CONFIG, HIGHLIGHT_START, HIGHLIGHT_STOP, SEARCH_BUCKETS, type SearchBucket } from './document';
import { parseSearchTerms, widenableWords, type SearchTerm, type SearchTerms } from './search-terms';
import type { CatalogueQuery } from './query';
import { splitHighlight, type Highlighted } from './highlight';

// Catalogue search: PostgreSQL full-text search in each language's own configuration (Finnish,
// Swedish, English; 'simple' for the rest), widened for Finnish by trigram similarity of stems, since
// Finnish stemming misses many inflections. Title matches come first, then ts_rank. Only
// catalogue_entries is read, which holds published versions only.

export interface CatalogueHit {
	slug: string;
	version: number;
	publishedAt: Date;
	retired: boolean;
	language: string;
	title: Highlighted;
	/** The summary's start, or with words searched the passages that match them. */
	snippet: Highlighted;
	provider: string;
	country: string | null;
	languages: string[];
	eqfLevel: number | null;
	ects: number | null;
	participationForm: string | null;
	fieldCode: string | null;
}

export interface CatalogueResults {
	items: CatalogueHit[];
	total: number;
	page: number;
	pageSize: number;
}

/** Per searched word, at most this many similar stems, each at least this similar. */
const SIMILAR_STEMS = 4;
const STEM_SIMILARITY = 0.45;
const MAX_LENGTH_CHANGE = 2;

const config = (bucket: SearchBucket) => sql`${sql.lit(BUCKET_CONFIG[bucket])}::regconfig`;
const EMPTY_QUERY = sql`''::tsquery`;

/** The stems of words in other inflections, per searched word (lower-cased). */
async function similarStems(db: Kysely<Database>, words: string[]): Promise<Map<string, string[]>> {
	const found = new Map<string, string[]>();
	if (words.length === 0) return found;
	const { rows } = await sql<{ word: string; stem: string }>`
		select w.word, s.stem
		from unnest(${words}::text[]) as w(word)
		cross join lateral (
			select coalesce((select lexeme from unnest(to_tsvector('finnish', w.word)) limit 1), w.word) as base
		) b
		cross join lateral (
			select c.stem from catalogue_stems c
			where c.stem operator(public.%) b.base and c.stem <> b.base
				and public.similarity(c.stem, b.base) >= ${STEM_SIMILARITY}
				-- Inflection changes a word's end, by a letter or two: tietoturva (information security)
				-- must not widen to tieto (information), which starts it.
				and abs(length(c.stem) - length(b.base)) <= ${MAX_LENGTH_CHANGE}
				and left(c.stem, 3) = left(b.base, 3)
			order by public.similarity(c.stem, b.base) desc, c.stem
			limit ${SIMILAR_STEMS}
		) s
	`.execute(db);
	for (const { word, stem } of rows) found.set(word, [...(found.get(word) ?? []), stem]);
	return found;
}

function termQuery(bucket: SearchBucket, term: SearchTerm, similar: Map<string, string[]>): RawBuilder<unknown> {
	const cfg = config(bucket);
	let q = term.kind === 'phrase' ? sql`phraseto_tsquery(${cfg}, ${term.text})` : sql`plainto_tsquery(${cfg}, ${term.text})`;
	// Similar stems are lexemes already: 'simple' keeps them as they are.
	const stems = bucket === 'fi' && term.kind === 'word' && !term.negated ? (similar.get(term.text.toLowerCase()) ?? []) : [];
	for (const stem of stems) q = sql`(${q} || plainto_tsquery('simple', ${stem}))`;
	return term.negated ? sql`(!! ${q})` : q;
}

function tsQuery(bucket: SearchBucket, terms: SearchTerms, similar: Map<string, string[]>): RawBuilder<unknown> {
	if (terms.length === 0) return EMPTY_QUERY;
	const groups = terms.map((group) =>
		group.map((term) => termQuery(bucket, term, similar)).reduce((all, next) => sql`(${all} && ${next})`)
	);
	return groups.reduce((all, next) => sql`(${all} || ${next})`);
}

function filters(query: CatalogueQuery): RawBuilder<unknown>[] {
	const where: RawBuilder<unknown>[] = [];
	if (query.field) where.push(sql`e.field_code like ${`${query.field}%`}`);
	if (query.topic) where.push(sql`e.topics @> array[${query.topic.toLowerCase()}]::text[]`);
	if (query.eqf.length > 0) where.push(sql`e.eqf_level = any(${query.eqf}::smallint[])`);
	if (query.ectsMin !== null) where.push(sql`e.ects >= ${query.ectsMin}`);
	if (query.ectsMax !== null) where.push(sql`e.ects <= ${query.ectsMax}`);
	if (query.lang) where.push(sql`e.languages @> array[${query.lang}]::text[]`);
	if (query.form) where.push(sql`e.participation_form = ${query.form}`);
	if (query.provider) where.push(sql`lower(e.provider) = lower(${query.provider})`);
	return where;
}

const ORDER: Record<CatalogueQuery['sort'], RawBuilder<unknown>> = {
	relevance: sql`title_hit desc, score desc, published_at desc`,
	newest: sql`published_at desc`,
	title: sql`title_key asc`,
	ects: sql`ects asc nulls last, title_key asc`
};

interface Row {
	slug: string;
	version_number: number;
	published_at: Date;
	retired_at: Date | null;
	language: string;
	title: string;
	title_hl: string | null;
	snippet_hl: string | null;
	excerpt: string;
	provider: string;
	country: string | null;
	languages: string[];
	eqf_level: number | null;
	ects: number | null;
	participation_form: string | null;
	field_code: string | null;
	total: number | string;
}

/** A CASE over the search buckets: the value for the bucket `bucket` (an SQL text expression) names. */
function perBucket(bucket: RawBuilder<unknown>, value: (b: SearchBucket) => RawBuilder<unknown>): RawBuilder<unknown> {
	return sql`case ${bucket} ${sql.join(
		SEARCH_BUCKETS.map((b) => sql`when ${sql.lit(b)} then ${value(b)}`),
		sql` `
	)} end`;
}

/** The bucket of the primary language (the one the title is shown in), from its BCP 47 code. */
const TITLE_BUCKET = sql`(case split_part(lower(language), '-', 1) when 'fi' then 'fi' when 'sv' then 'sv' when 'en' then 'en' else 'other' end)`;

const MARK = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`;
const SNIPPET_OPTIONS = `${MARK}, MaxFragments=2, MinWords=6, MaxWords=18, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `${MARK}, HighlightAll=true`;

export async function searchCatalogue(db: Kysely<Database>, query: CatalogueQuery): Promise<CatalogueResults> {
	const terms = parseSearchTerms(query.q);
	const similar = terms.length > 0 ? await similarStems(db, widenableWords(terms)) : new Map<string, string[]>();
	const { statement, condition } = searchStatement(query, terms, similar);
	const { rows } = await statement.execute(db);
	const total = rows.length > 0 || query.page === 1 ? Number(rows[0]?.total ?? 0) : await countMatches(db, condition);
	return {
		total,
		page: query.page,
		pageSize: query.pageSize,
		items: rows.map((row) => ({
			slug: row.slug,
			version: row.version_number,
			publishedAt: new Date(row.published_at),
			retired: row.retired_at !== null,
			language: row.language,
			title: row.title_hl ? splitHighlight(row.title_hl) : [{ text: row.title, hit: false }],
			snippet: row.snippet_hl?.includes(HIGHLIGHT_START) ? splitHighlight(row.snippet_hl) : [{ text: row.excerpt, hit: false }],
			provider: row.provider,
			country: row.country,
			languages: row.languages,
			eqfLevel: row.eqf_level,
			ects: row.ects === null ? null : Number(row.ects),
			participationForm: row.participation_form,
			fieldCode: row.field_code
		}))
	};
}

/** The one statement of a search: a page of matches, ranked, with highlights and the total. Exported for EXPLAIN. */
export function searchStatement(query: CatalogueQuery, terms: SearchTerms, similar: Map<string, string[]>) {
	const searching = terms.length > 0;
	const q = Object.fromEntries(SEARCH_BUCKETS.map((b) => [b, tsQuery(b, terms, similar)])) as Record<SearchBucket, RawBuilder<unknown>>;
	// The entry's vector holds every language in its own configuration: the query asks in each.
	const anyLanguage = (queries: RawBuilder<unknown>[]) => sql`(${sql.join(queries, sql` || `)})`;
	const all = anyLanguage(SEARCH_BUCKETS.map((b) => q[b]));
	// Finnish counts twice, exact and widened, so an exact form ranks above a merely similar one.
	const widened = [...similar.values()].some((stems) => stems.length > 0);
	const exact = anyLanguage(SEARCH_BUCKETS.map((b) => (b === 'fi' ? tsQuery('fi', terms, new Map()) : q[b])));

	const where = filters(query);
	// Written out where they are used (not in a CTE), the queries are constants the planner can fold
	// and hand to the GIN index.
	if (searching) where.push(sql`tsv @@ ${all}`);
	const condition = where.length > 0 ? sql.join(where, sql` and `) : sql`true`;
	const score = !searching ? sql`0::real` : widened ? sql`ts_rank(tsv, ${all}) + ts_rank(tsv, ${exact})` : sql`2 * ts_rank(tsv, ${all})`;

	// For the page of results only: which language's passage matches best, and that passage.
	const bestBucket = sql`(case greatest(${sql.join(SEARCH_BUCKETS.map((b) => sql`ts_rank(t.${sql.ref(`tsv_${b}`)}, ${q[b]})`), sql`, `)})
		${sql.join(SEARCH_BUCKETS.map((b) => sql`when ts_rank(t.${sql.ref(`tsv_${b}`)}, ${q[b]}) then ${sql.lit(b)}`), sql` `)} end)`;

	// Ranking keeps only what sorting needs: all matches pass through it (with the count), and wide
	// rows made it spill to disk. The page's rows are joined back for what they show.
	// Materialised, so ranks are computed while scanning and only these few columns are kept (left
	// to the planner, the vectors were carried along to be ranked later).
	const statement = sql<Row>`
		with scored as materialized (
			select course_id, retired_at, published_at, lower(title) as title_key, ects,
				${searching ? sql`tsv_title @@ ${all}` : sql`false`} as title_hit,
				${score} as score
			from catalogue_entries e
			where ${condition}
		),
		ranked as (
			select *, count(*) over () as total
			from scored
			order by (retired_at is not null), ${ORDER[query.sort]}, course_id
			limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
		),
		shown as (
			select r.title_hit, r.score, r.title_key, r.total, e.course_id, e.slug, e.version_number, e.published_at,
				e.retired_at, e.language, e.title, e.excerpt, e.provider, e.country, e.languages, e.eqf_level, e.ects,
				e.participation_form, e.field_code, t.body_fi, t.body_sv, t.body_en, t.body_other,
				${searching ? bestBucket : sql`null`} as best
			from ranked r
			join catalogue_entries e on e.course_id = r.course_id
			join catalogue_texts t on t.course_id = r.course_id
		)
		select slug, version_number, published_at, retired_at, language, title, excerpt, provider, country, languages,
			eqf_level, ects, participation_form, field_code, total,
			${
				searching
					? sql`ts_headline(${perBucket(TITLE_BUCKET, config)}, title, ${perBucket(TITLE_BUCKET, (b) => q[b])}, ${TITLE_OPTIONS})`
					: sql`null`
			} as title_hl,
			${
				searching
					? sql`ts_headline(${perBucket(sql`best`, config)}, ${perBucket(sql`best`, (b) => sql.ref(`body_${b}`))}, ${perBucket(sql`best`, (b) => q[b])}, ${SNIPPET_OPTIONS})`
					: sql`null`
			} as snippet_hl
		from shown
		order by (retired_at is not null), ${ORDER[query.sort]}, course_id
	`;
	return { statement, condition };
}

/** The number of matches when the page asked for lies beyond them. */
async function countMatches(db: Kysely<Database>, condition: RawBuilder<unknown>): Promise<number> {
	const { rows } = await sql<{ total: number | string }>`select count(*) as total from catalogue_entries e where ${condition}`.execute(db);
	return Number(rows[0].total);
}
