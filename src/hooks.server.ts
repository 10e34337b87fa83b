import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getRuntime, closeRuntime } from '$lib/server/runtime';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { handedOffServer, registerShutdown } from '$lib/server/app-server';
import { attachLiveServer, attachedLiveServer } from '$lib/server/live';
import { handleLocale } from '$lib/server/i18n/handle';
import { m } from '$lib/paraglide/messages';

export const init: ServerInit = async () => {
	await getRuntime();
	const server = handedOffServer();
	if (!server) return; // dev: the Vite plugin attaches the realtime server instead
	const live = await attachLiveServer(server);
	registerShutdown({ closeRealtime: () => live.close(), closeDatabase: () => closeRuntime() });
};

const handleRuntime: Handle = async ({ event, resolve }) => {
	const runtime = await getRuntime();
	event.locals.db = runtime.database.db;
	event.locals.live = attachedLiveServer() ?? null;
	event.locals.limiters = runtime.limiters;
	event.locals.mailer = runtime.mailer;
	return resolve(event);
};

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const result = await validateSessionToken(event.locals.db, token);
		if (result.session) {
			if (result.renewed) setSessionCookie(event.cookies, event.url, token, result.session.expiresAt);
			event.locals.user = result.user;
			event.locals.session = result.session;
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

// Nothing here uses these; a page that cannot ask for them cannot be tricked into asking.
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()';

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', PERMISSIONS_POLICY);
	// Only over https: sent over plain http it would be ignored at best, and would lock out a site
	// that is reached over http on purpose (localhost, an intranet) at worst.
	if (event.url.protocol === 'https:') response.headers.set('Strict-Transport-Security', 'max-age=31536000');
	// Pages carry private course data: never let a shared cache keep them.
	if (event.locals.user && !response.headers.has('cache-control')) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

export const handle = sequence(handleRuntime, handleSession, handleLocale, handleHeaders);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	// Runs inside the request's locale (handleLocale), so the message is in the reader's language.
	if (status === 404) return { message: m.error_not_found() };
	const errorId = crypto.randomUUID().slice(0, 8);
	console.error(`[error ${errorId}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status >= 500 ? m.error_server() : message, errorId };
};
