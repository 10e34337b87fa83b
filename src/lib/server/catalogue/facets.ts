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

export async function catalogueFacets(db: Kysely<Database>): Promise<CatalogueFacets> {
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
