import { apiJson, methodNotAllowed, openApiDocument, preflight } from '$lib/server/public-api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, request }) =>
	apiJson(request, openApiDocument(url.origin), { cacheControl: 'public, max-age=3600' });

export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => methodNotAllowed();
