import type { Cookies } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { LOCALE_COOKIE, type Locale } from '$lib/i18n/locales';

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** Stores the account's language; it wins over cookie and Accept-Language on every device. */
export async function setUserLocale(db: Kysely<Database>, userId: string, locale: Locale): Promise<void> {
	await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

/** The language of a person we write to (emails): their setting, else the instance's base language. */
export async function userLocale(db: Kysely<Database>, userId: string): Promise<Locale | null> {
	const row = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
	return (row?.locale as Locale | null | undefined) ?? null;
}

/** Remembers the choice in this browser too, for visitors without an account and after signing out. */
export function setLocaleCookie(cookies: Cookies, url: URL, locale: Locale): void {
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: ONE_YEAR_SECONDS
	});
}
