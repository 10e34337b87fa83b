import type { RequestEvent } from '@sveltejs/kit';
import { apiError, apiFile, parseVersionNumber } from '../public-api';
import { badgeFile } from './files';

// The badge image routes (badge.png, badge.svg) share everything but the kind.

/** An SVG opened on its own is a document: this keeps anything in it from running or loading. */
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export async function serveBadge(event: Pick<RequestEvent, 'params' | 'url' | 'locals' | 'request'>, kind: 'png' | 'svg'): Promise<Response> {
	const { params, url, locals, request } = event;
	const number = parseVersionNumber(params.number ?? '');
	if (number === null) return apiError(400, 'invalid_parameter', 'A version is a whole number from 1 up.', { param: 'number' });
	const result = await badgeFile(locals.db, params.slug ?? '', number, kind, url.origin);
	if (!result.ok) return apiError(result.status, 'not_found', result.message);
	// A version's badge is frozen with it: these bytes never change.
	return apiFile(request, result.file, {
		cacheControl: 'public, max-age=31536000, immutable',
		disposition: 'inline',
		extraHeaders: kind === 'svg' ? { 'Content-Security-Policy': SVG_POLICY } : {}
	});
}
