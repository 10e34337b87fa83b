/**
 * The public catalogue of published courses: its search index (kept by `indexPublishedVersion`, which
 * the publish verb calls in its transaction; `rebuildCatalogue` redoes all of it), full-text search
 * with filters, and the filter choices. Reads published versions only.
 * @module
 */
export { indexPublishedVersion, rebuildCatalogue } from './index-course';
export { searchCatalogue, type CatalogueHit, type CatalogueResults } from './search';
export { catalogueFacets, type CatalogueFacets } from './facets';
export {
	parseCatalogueQuery,
	queryParams,
	formSlug,
	FORM_SLUGS,
	MAX_PAGE_SIZE,
	PAGE_SIZE,
	QUERY_PARAMS,
	SORTS,
	type CatalogueQuery,
	type CatalogueSort,
	type QueryIssue
} from './query';
export type { Highlighted } from './highlight';
export { browseCatalogue } from './browse';
export { catalogueCard, type CatalogueCard, type FilterOption, type FilterOptions } from './labels';
export { paginate, type Pagination, type PageLink } from './pagination';
