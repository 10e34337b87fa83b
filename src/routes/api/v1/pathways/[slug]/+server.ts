import { apiError, apiJson, methodNotAllowed, preflight } from '$lib/server/public-api';
import { pathwayDetail } from '$lib/server/pathways';
import type { RequestHandler } from './$types';

// Public: one published pathway with its parts (each at its latest published version).
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
	const found = await pathwayDetail(locals.db, params.slug, url.origin);
	if (!found) return apiError(404, 'not_found', 'No published pathway has this slug.');
	return apiJson(request, found, { cacheControl: 'public, max-age=60' });
};

export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => methodNotAllowed();
