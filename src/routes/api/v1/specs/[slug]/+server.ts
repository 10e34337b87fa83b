import { apiError, apiJson, getSpecVersion, methodNotAllowed, preflight } from '$lib/server/public-api';
import type { RequestHandler } from './$types';

// Public: the latest published version of a course.
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
	const found = await getSpecVersion(locals.db, params.slug, undefined, url.origin);
	if (!found) return apiError(404, 'not_found', 'No published course has this slug.');
	// Short: a new version can be published at any time.
	return apiJson(request, found.body, { etag: found.etag, cacheControl: 'public, max-age=60' });
};

export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => methodNotAllowed();
