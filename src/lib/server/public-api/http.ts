import { createHash } from 'node:crypto';

// How the read API answers: JSON, open to scripts on any origin (GET only: nothing here changes
// anything or depends on who asks), validators for caches, and errors as { error: { code, message } }.

export type ApiErrorCode = 'not_found' | 'invalid_parameter' | 'unknown_parameter' | 'method_not_allowed';

const CORS = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Expose-Headers': 'ETag'
};

/** The answer to a CORS preflight (If-None-Match is not a simple header, so conditional GETs need one). */
export function preflight(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			...CORS,
			'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
			'Access-Control-Allow-Headers': 'If-None-Match, Accept',
			'Access-Control-Max-Age': '86400'
		}
	});
}

export function apiError(status: number, code: ApiErrorCode, message: string, details?: Record<string, unknown>): Response {
	return new Response(JSON.stringify({ error: { code, message, ...details } }), {
		status,
		headers: {
			...CORS,
			'Content-Type': 'application/json; charset=utf-8',
			'Cache-Control': 'no-store',
			...(status === 405 ? { Allow: 'GET, HEAD, OPTIONS' } : {})
		}
	});
}

export const methodNotAllowed = () => apiError(405, 'method_not_allowed', 'The read API answers GET only.');

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;

/** Whether an If-None-Match header names this ETag (a list, or `*`; weak comparison as RFC 9110 asks). */
export function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const bare = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * A JSON answer with an ETag (given, or the hash of the body) and Cache-Control; 304 without a body
 * when the client already has it.
 */
export function apiJson(
	request: Request,
	value: unknown,
	options: { etag?: string; cacheControl: string; contentType?: string; body?: string }
): Response {
	const body = options.body ?? JSON.stringify(value);
	const etag = options.etag ?? etagOf(body);
	const headers = {
		...CORS,
		ETag: etag,
		'Cache-Control': options.cacheControl,
		'Content-Type': options.contentType ?? 'application/json; charset=utf-8',
		Vary: 'Accept-Encoding'
	};
	if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
	return new Response(body, { headers });
}

/** A file of a published version: bytes with their own ETag, a file name, CORS, and 304 when unchanged. */
export function apiFile(
	request: Request,
	file: { body: Uint8Array; contentType: string; filename: string; etag: string },
	options: { cacheControl: string; disposition: 'attachment' | 'inline'; extraHeaders?: Record<string, string> }
): Response {
	const headers = {
		...CORS,
		'Access-Control-Expose-Headers': 'ETag, Content-Disposition',
		ETag: file.etag,
		'Cache-Control': options.cacheControl,
		'Content-Type': file.contentType,
		// Our file names are slug, version and format: [a-z0-9.-] only, so no quoting rules to mind.
		'Content-Disposition': `${options.disposition}; filename="${file.filename}"`,
		...options.extraHeaders
	};
	if (matches(request.headers.get('if-none-match'), file.etag)) return new Response(null, { status: 304, headers });
	return new Response(file.body as BodyInit, { headers });
}
