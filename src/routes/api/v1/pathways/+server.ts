import { apiError, apiJson, methodNotAllowed, preflight } from '$lib/server/public-api';
import { pathwayList } from '$lib/server/pathways';
import type { RequestHandler } from './$types';

// Public: every published pathway.
export const GET: RequestHandler = async ({ url, locals, request }) => {
	const [unknown] = url.searchParams.keys();
	if (unknown !== undefined) {
		return apiError(400, 'unknown_parameter', `Unknown parameter "${unknown}". This list takes none.`, { param: unknown });
	}
	return apiJson(request, await pathwayList(locals.db, url.origin), { cacheControl: 'public, max-age=60' });
};

export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => methodNotAllowed();
