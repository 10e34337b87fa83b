import { apiError, apiJson, listSpecs, methodNotAllowed, preflight } from '$lib/server/public-api';
import type { RequestHandler } from './$types';

// Public: the catalogue's search, for machines.
export const GET: RequestHandler = async ({ url, locals, request }) => {
	const result = await listSpecs(locals.db, url.searchParams, url.origin);
	if (!result.ok) return apiError(result.status, result.code, result.message, { param: result.param });
	return apiJson(request, result.value, { cacheControl: 'public, max-age=60' });
};

export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => methodNotAllowed();
