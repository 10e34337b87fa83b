import { apiError, apiFile, getSpecJson, methodNotAllowed, parseVersionNumber, preflight } from '$lib/server/public-api';
import type { RequestHandler } from './$types';

// Public: the spec of one version as canonical JSON; its SHA-256 is the version's content hash.
export const GET: RequestHandler = async ({ params, locals, request }) => {
	const number = parseVersionNumber(params.number);
	if (number === null) return apiError(400, 'invalid_parameter', 'A version is a whole number from 1 up.', { param: 'number' });
	const found = await getSpecJson(locals.db, params.slug, number);
	if (!found) return apiError(404, 'not_found', 'This course has no published version with that number.');
	const file = { body: new TextEncoder().encode(found.body), contentType: 'application/json; charset=utf-8', filename: found.filename, etag: found.etag };
	// These bytes can never change: the version is immutable and so is its content hash.
	return apiFile(request, file, { cacheControl: 'public, max-age=31536000, immutable', disposition: 'inline' });
};

export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => methodNotAllowed();
