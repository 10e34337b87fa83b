import { apiError, preflight } from '$lib/server/public-api';
import type { RequestHandler } from './$types';

// Anything else under /api/v1 is a JSON 404, not the site's HTML error page.
export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => apiError(404, 'not_found', 'There is nothing at this address. See /api/v1/openapi.json.');
