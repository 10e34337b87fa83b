import { apiError, apiJson, getSpecVersion, methodNotAllowed, parseVersionNumber, preflight } from '$lib/server/public-api';
import type { RequestHandler } from './$types';

// Public: one published version of a course.
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
	const number = parseVersionNumber(params.number);
	if (number === null) return apiError(400, 'invalid_parameter', 'A version is a whole number from 1 up.', { param: 'number' });
	const found = await getSpecVersion(locals.db, params.slug, number, url.origin);
	if (!found) return apiError(404, 'not_found', 'This course has no published version with that number.');
	// The spec never changes; whether the version is still the latest, or the course retired, can.
	return apiJson(request, found.body, { etag: found.etag, cacheControl: 'public, max-age=300' });
};

export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => methodNotAllowed();
