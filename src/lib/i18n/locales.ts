import { baseLocale, isLocale, locales, type Locale } from '$lib/paraglide/runtime';

export { baseLocale, isLocale, locales, type Locale };

/** Each language named in itself: a reader looking for their language finds it whatever the UI shows. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fi: 'suomi', sv: 'svenska' };

/** The switcher's choice for visitors without an account (and a fallback after signing out). */
export const LOCALE_COOKIE = 'co_course_locale';

/** The name of our Paraglide strategy (paraglide.options.js): the person's explicit choice. */
export const PREFERENCE_STRATEGY = 'custom-preference';

/**
 * Intl wants a region for formats: en-GB (day before month, as the app always wrote dates), and
 * Finland's conventions for both of its languages.
 */
export const INTL_LOCALES: Record<Locale, string> = { en: 'en-GB', fi: 'fi-FI', sv: 'sv-FI' };

export function toLocaleOrNull(value: unknown): Locale | null {
	return typeof value === 'string' && isLocale(value) ? value : null;
}
