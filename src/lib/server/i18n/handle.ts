import type { Handle } from '@sveltejs/kit';
import { defineCustomServerStrategy } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { participantLocale } from '$lib/server/feedback/participant';
import { LOCALE_COOKIE, PREFERENCE_STRATEGY, toLocaleOrNull, type Locale } from '$lib/i18n/locales';

// The person's explicit choice for each request in flight, keyed by the Request object itself, so
// nothing outlives the request and no two requests can see each other's.
const preferences = new WeakMap<Request, Locale>();

defineCustomServerStrategy(PREFERENCE_STRATEGY, {
	getLocale: (request) => (request ? preferences.get(request) : undefined)
});

/**
 * Decides the request's language (account setting, else the switcher's cookie, else Accept-Language,
 * else English; on a participant's link, the round's language) and runs the rest of the request inside Paraglide's AsyncLocalStorage, so every
 * message call during this request, and only this one, gets it. Runs after the session handle.
 */
// A participant's pages (/r/<token>, /r/<token>/thanks) speak the round's language.
const PARTICIPANT_PATH = /^\/r\/([^/]+)(?:\/|$)/;

export const handleLocale: Handle = async ({ event, resolve }) => {
	const token = PARTICIPANT_PATH.exec(event.url.pathname)?.[1];
	const preferred =
		(token ? await participantLocale(event.locals.db, token) : null) ??
		event.locals.user?.locale ??
		toLocaleOrNull(event.cookies.get(LOCALE_COOKIE));
	if (preferred) preferences.set(event.request, preferred);
	return paraglideMiddleware(event.request, ({ locale }) => {
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replaceAll('%app.lang%', locale)
		});
	});
};
