import { error, redirect } from '@sveltejs/kit';
import { toLocaleOrNull } from '$lib/i18n/locales';
import { setLocaleCookie, setUserLocale } from '$lib/server/i18n/preference';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/**
 * The language switcher's form (header): saves the choice for the account when signed in, and in a
 * cookie for this browser either way, then goes back to the page it came from. A plain form POST, so
 * it works without JavaScript; Kit's CSRF check covers it like any form.
 */
export const POST: RequestHandler = async ({ request, locals, cookies, url }) => {
	const form = await request.formData();
	const locale = toLocaleOrNull(form.get('locale'));
	if (!locale) error(400, m.locale_unknown());
	if (locals.user) await setUserLocale(locals.db, locals.user.id, locale);
	setLocaleCookie(cookies, url, locale);
	const next = form.get('next');
	redirect(303, safeRedirectTarget(typeof next === 'string' ? next : null, url.origin, '/'));
};
