import { apiError, apiJson, methodNotAllowed, preflight } from '$lib/server/public-api';
import { pathwayExport } from '$lib/server/pathways';
import type { RequestHandler } from './$types';

// Public: the pathway as an ELM LearningOpportunity around its Qualification with hasPart.
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
	const file = await pathwayExport(locals.db, params.slug, url.origin);
	if (!file) return apiError(404, 'not_found', 'No published pathway has this slug.');
	// A part publishing a new version changes the export, so it is cached briefly, like the pathway.
	const response = apiJson(request, null, { body: file.body, contentType: file.contentType, cacheControl: 'public, max-age=60' });
	response.headers.set('Content-Disposition', `attachment; filename="${file.filename}"`);
	return response;
};

export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => methodNotAllowed();
