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
	title: sql`lower(title) asc`,
	ects: sql`ects asc nulls last, lower(title) asc`
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
	const searching = terms.length > 0;
	const similar = searching ? await similarStems(db, widenableWords(terms)) : new Map<string, string[]>();
	const q = Object.fromEntries(SEARCH_BUCKETS.map((b) => [b, tsQuery(b, terms, similar)])) as Record<SearchBucket, RawBuilder<unknown>>;
	// Finnish counts twice, exact and widened, so an exact form ranks above a merely similar one.
	const exactFi = tsQuery('fi', terms, new Map());
	const vector = (b: SearchBucket) => sql.ref(`tsv_${b}`);

	const where = filters(query);
	if (searching) where.push(sql`(${sql.join(SEARCH_BUCKETS.map((b) => sql`${vector(b)} @@ ${q[b]}`), sql` or `)})`);
	const condition = where.length > 0 ? sql.join(where, sql` and `) : sql`true`;

	// The query expressions are written out where they are used (not a CTE): as constants the planner
	// can hand them to the GIN indexes.
	const titleHit = searching ? sql`tsv_title @@ (${sql.join(SEARCH_BUCKETS.map((b) => q[b]), sql` || `)})` : sql`false`;
	const widened = [...similar.values()].some((stems) => stems.length > 0);
	const rank = (b: SearchBucket) =>
		!searching
			? sql`0::real`
			: b === 'fi' && widened
				? sql`ts_rank(tsv_fi, ${q.fi}) + ts_rank(tsv_fi, ${exactFi})`
				: sql`2 * ts_rank(${vector(b)}, ${q[b]})`;

	const { rows } = await sql<Row>`
		with matched as (
			select course_id, slug, version_number, published_at, retired_at, language, title, excerpt, provider,
				country, languages, eqf_level, ects, participation_form, field_code,
				${titleHit} as title_hit,
				${rank('fi')} as rank_fi, ${rank('sv')} as rank_sv, ${rank('en')} as rank_en, ${rank('other')} as rank_other
			from catalogue_entries e
			where ${condition}
		),
		ranked as (
			select *, greatest(rank_fi, rank_sv, rank_en, rank_other) as score,
				case greatest(rank_fi, rank_sv, rank_en, rank_other)
					when rank_fi then 'fi' when rank_sv then 'sv' when rank_en then 'en' else 'other' end as best,
				count(*) over () as total
			from matched
			order by (retired_at is not null), ${ORDER[query.sort]}, course_id
			limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
		)
		select *,
			${
				searching
					? sql`ts_headline(${perBucket(TITLE_BUCKET, config)}, title, ${perBucket(TITLE_BUCKET, (b) => q[b])}, ${TITLE_OPTIONS})`
					: sql`null`
			} as title_hl,
			${
				searching
					? sql`ts_headline(
							${perBucket(sql`best`, config)},
							${perBucket(sql`best`, (b) => sql`(select ${sql.ref(`body_${b}`)} from catalogue_entries b where b.course_id = ranked.course_id)`)},
							${perBucket(sql`best`, (b) => q[b])},
							${SNIPPET_OPTIONS})`
					: sql`null`
			} as snippet_hl
		from ranked
		order by (retired_at is not null), ${ORDER[query.sort]}, course_id
	`.execute(db);

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

/** The number of matches when the page asked for lies beyond them. */
async function countMatches(db: Kysely<Database>, condition: RawBuilder<unknown>): Promise<number> {
	const { rows } = await sql<{ total: number | string }>`select count(*) as total from catalogue_entries e where ${condition}`.execute(db);
	return Number(rows[0].total);
}
