import { browseCatalogue, formSlug, paginate, parseCatalogueQuery } from '$lib/server/catalogue';
import type { PageServerLoad } from './$types';

// Public: anyone may search; only published versions are in the catalogue.
export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = parseCatalogueQuery(url.searchParams);
	const { query } = parsed;
	// With a parameter in error, the form is shown again with the message next to it, and no results.
	const { filters, results } = await browseCatalogue(locals.db, parsed.ok ? query : null);
	const canonical = `${url.origin}/catalogue`;
	return {
		values: { ...query, form: query.form ? (formSlug(query.form) ?? null) : null },
		issues: parsed.ok ? [] : parsed.issues,
		filters,
		results,
		pagination: results ? paginate(url.pathname, query, results.total) : null,
		canonical
	};
};
