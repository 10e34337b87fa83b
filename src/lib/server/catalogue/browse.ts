import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { catalogueFacets } from './facets';
import { catalogueCard, filterOptions } from './labels';
import type { CatalogueQuery } from './query';
import { searchCatalogue } from './search';

/** The catalogue page: the matching courses as cards, and the choices of every filter. */
export async function browseCatalogue(db: Kysely<Database>, query: CatalogueQuery | null) {
	const facets = await catalogueFacets(db);
	const results = query ? await searchCatalogue(db, query) : null;
	return {
		filters: filterOptions(facets),
		results: results && { ...results, items: results.items.map(catalogueCard) }
	};
}
