import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { pathwayExportUrl, pathwayJsonLd, pathwayPageUrl, readPublicPathway } from '$lib/server/pathways';
import { scriptJson } from '$lib/server/public-pages';
import type { PageServerLoad } from './$types';

// Public: a published pathway; a draft or unpublished one is not found.
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const pathway = await readPublicPathway(locals.db, params.slug);
	if (!pathway) error(404, m.pathway_not_found());
	const { totals, ...rest } = pathway;
	return {
		// The 60 ECTS flag is for coordinators; the public page shows the credits only.
		pathway: { ...rest, totals: { ...totals, flag: null } },
		url: pathwayPageUrl(url.origin, pathway.slug),
		exportUrl: pathwayExportUrl(url.origin, pathway.slug),
		apiUrl: `${url.origin}/api/v1/pathways/${encodeURIComponent(pathway.slug)}`,
		jsonLd: scriptJson(pathwayJsonLd(pathway, url.origin))
	};
};
