import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types';

/** The values the catalogue's filters can take: only those some published course has. */
export interface CatalogueFacets {
	fieldCodes: string[];
	languages: string[];
	providers: string[];
	forms: string[];
	eqfLevels: number[];
	topics: string[];
}

const TOPIC_CHOICES = 40;

// Reading the filter choices means aggregating the whole catalogue, which costs more than a search:
// keep them per database until the catalogue changes (migration 0010's generation counter says when).
const cache = new WeakMap<Kysely<Database>, { generation: string; facets: Promise<CatalogueFacets> }>();

export async function catalogueFacets(db: Kysely<Database>): Promise<CatalogueFacets> {
	const { rows } = await sql<{ generation: string }>`
		select last_value::text || ':' || is_called::text as generation from catalogue_generation
	`.execute(db);
	const generation = rows[0].generation;
	const known = cache.get(db);
	if (known?.generation === generation) return known.facets;
	const facets = readFacets(db);
	cache.set(db, { generation, facets });
	facets.catch(() => cache.delete(db));
	return facets;
}

async function readFacets(db: Kysely<Database>): Promise<CatalogueFacets> {
	const { rows } = await sql<{
		field_codes: string[] | null;
		languages: string[] | null;
		providers: string[] | null;
		forms: string[] | null;
		eqf_levels: number[] | null;
	}>`
		select
			array_agg(distinct field_code) filter (where field_code is not null) as field_codes,
			(select array_agg(distinct l) from catalogue_entries, unnest(languages) l) as languages,
			array_agg(distinct provider) filter (where provider <> '') as providers,
			array_agg(distinct participation_form) filter (where participation_form is not null) as forms,
			array_agg(distinct eqf_level) filter (where eqf_level is not null) as eqf_levels
		from catalogue_entries
	`.execute(db);
	// The most used topics: a list of every tag would be too long to choose from.
	const topics = await sql<{ topic: string }>`
		select t as topic from catalogue_entries, unnest(topics) t
		group by t order by count(*) desc, t limit ${TOPIC_CHOICES}
	`.execute(db);
	const row = rows[0];
	return {
		fieldCodes: row?.field_codes ?? [],
		languages: row?.languages ?? [],
		providers: (row?.providers ?? []).sort((a, b) => a.localeCompare(b)),
		forms: row?.forms ?? [],
		eqfLevels: (row?.eqf_levels ?? []).map(Number).sort((a, b) => a - b),
		topics: topics.rows.map((r) => r.topic).sort((a, b) => a.localeCompare(b))
	};
}
