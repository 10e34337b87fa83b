import { browseCatalogue, formSlug, paginate, parseCatalogueQuery } from '$lib/server/catalogue';
import { listPublicPathways } from '$lib/server/pathways';
import type { PageServerLoad } from './$types';

// Public: anyone may search; only published versions are in the catalogue.
export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = parseCatalogueQuery(url.searchParams);
	const { query } = parsed;
	// With a parameter in error, the form is shown again with the message next to it, and no results.
	const [{ filters, results }, pathways] = await Promise.all([browseCatalogue(locals.db, parsed.ok ? query : null), listPublicPathways(locals.db)]);
	const canonical = `${url.origin}/catalogue`;
	return {
		values: { ...query, form: query.form ? (formSlug(query.form) ?? null) : null },
		issues: parsed.ok ? [] : parsed.issues,
		filters,
		results,
		pagination: results ? paginate(url.pathname, query, results.total) : null,
		canonical,
		pathways: pathways.map((p) => ({ slug: p.slug, title: p.title, language: p.language, parts: p.parts.length, requirement: p.requirement, ects: p.totals.required }))
	};
};
