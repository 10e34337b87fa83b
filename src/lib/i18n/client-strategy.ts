import { defineCustomClientStrategy } from '$lib/paraglide/runtime';
import { PREFERENCE_STRATEGY, toLocaleOrNull } from './locales';

/**
 * In the browser the language is whatever the server rendered into <html data-ui-locale> (app.html):
 * the server is the only one who knows the account setting, so hydration never disagrees with it.
 * (Not <html lang> itself: a public page may set that to its content's language.) Changing the
 * language is a form POST to /locale (no script needed), hence nothing to do in setLocale.
 */
export function registerClientLocaleStrategy(): void {
	defineCustomClientStrategy(PREFERENCE_STRATEGY, {
		getLocale: () => toLocaleOrNull(document.documentElement.dataset.uiLocale) ?? undefined,
		setLocale: () => {}
	});
}
