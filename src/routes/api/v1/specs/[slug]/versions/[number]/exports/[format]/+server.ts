import { exportFile, formatOfSegment } from '$lib/server/credential-exports';
import { apiError, apiFile, methodNotAllowed, parseVersionNumber, preflight } from '$lib/server/public-api';
import type { RequestHandler } from './$types';

// Public: one credential export of a published version (OB 3.0 or ELM), built from its frozen spec.
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
	const number = parseVersionNumber(params.number);
	if (number === null) return apiError(400, 'invalid_parameter', 'A version is a whole number from 1 up.', { param: 'number' });
	const format = formatOfSegment(params.format);
	if (!format) return apiError(404, 'not_found', 'There is no export of that name. The exports of a version are listed in its "exports".');
	const unknown = [...url.searchParams.keys()].find((key) => key !== 'lang');
	if (unknown) return apiError(400, 'unknown_parameter', `Unknown parameter "${unknown}". Known: lang.`, { param: unknown });
	const result = await exportFile(locals.db, params.slug, number, format, url.searchParams.get('lang'), url.origin);
	if (!result.ok) return apiError(result.status, result.status === 404 ? 'not_found' : 'invalid_parameter', result.message, result.param ? { param: result.param } : undefined);
	// The spec is frozen, but the pathways a course joins later are part of its exports: caches check back hourly.
	return apiFile(request, result.file, { cacheControl: 'public, max-age=3600', disposition: 'attachment' });
};

export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => methodNotAllowed();
