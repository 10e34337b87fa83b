import { apiError, apiJson, listSpecVersions, methodNotAllowed, preflight } from '$lib/server/public-api';
import type { RequestHandler } from './$types';

// Public: every published version of a course.
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
	const found = await listSpecVersions(locals.db, params.slug, url.origin);
	if (!found) return apiError(404, 'not_found', 'No published course has this slug.');
	return apiJson(request, found, { cacheControl: 'public, max-age=60' });
};

export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => methodNotAllowed();
