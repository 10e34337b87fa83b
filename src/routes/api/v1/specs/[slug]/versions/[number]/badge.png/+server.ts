import { serveBadge } from '$lib/server/credential-exports/badge-route';
import { methodNotAllowed, preflight } from '$lib/server/public-api';
import type { RequestHandler } from './$types';

// Public: the badge image of a published version (generated, or the owner's upload frozen with it).
export const GET: RequestHandler = (event) => serveBadge(event, 'png');
export const OPTIONS: RequestHandler = () => preflight();
export const fallback: RequestHandler = () => methodNotAllowed();
