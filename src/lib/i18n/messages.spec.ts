import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { baseLocale, locales } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { formatMessages } from '../../../scripts/messages-format.mjs';

const dir = path.resolve(import.meta.dirname, '../../../messages');
const raw = Object.fromEntries(locales.map((locale) => [locale, readFileSync(path.join(dir, `${locale}.json`), 'utf8')]));
const files: Record<string, Record<string, unknown>> = Object.fromEntries(
	locales.map((locale) => [locale, JSON.parse(raw[locale])])
);
const keysOf = (locale: string) => Object.keys(files[locale]).filter((key) => key !== '$schema');

/** The inputs a message takes: `{name}` placeholders, and the `input x` declarations of variants. */
function parametersOf(message: unknown): string[] {
	const names = new Set<string>();
	const scan = (text: string) => {
		for (const match of text.matchAll(/(?<!\\)\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) names.add(match[1]);
	};
	if (typeof message === 'string') scan(message);
	else if (Array.isArray(message)) {
		const locals = new Set<string>();
		for (const variant of message as { declarations?: string[]; match?: Record<string, string> }[]) {
			for (const declaration of variant.declarations ?? []) {
				const [kind, name] = declaration.split(/\s+/);
				if (kind === 'input') names.add(name);
				if (kind === 'local') locals.add(name);
			}
			for (const text of Object.values(variant.match ?? {})) scan(text);
		}
		for (const name of locals) names.delete(name);
	}
	return [...names].sort();
}

describe('messages', () => {
	test.each(locales.filter((l) => l !== baseLocale))(`%s has exactly the keys of ${baseLocale}`, (locale) => {
		const base = keysOf(baseLocale);
		const other = keysOf(locale);
		expect(base.filter((key) => !other.includes(key)), `missing in ${locale}.json`).toEqual([]);
		expect(other.filter((key) => !base.includes(key)), `only in ${locale}.json`).toEqual([]);
	});

	test.each(locales.filter((l) => l !== baseLocale))('%s messages take the same parameters', (locale) => {
		const differing = keysOf(baseLocale)
			.filter((key) => key in files[locale])
			.filter((key) => parametersOf(files[baseLocale][key]).join() !== parametersOf(files[locale][key]).join())
			.map((key) => `${key}: ${parametersOf(files[baseLocale][key])} vs ${parametersOf(files[locale][key])}`);
		expect(differing).toEqual([]);
	});

	test.each(locales)('%s.json is sorted and formatted (npm run messages:sort)', (locale) => {
		expect(raw[locale]).toBe(formatMessages(files[locale]));
	});

	test.each(locales)('%s keys are named area_what in snake_case', (locale) => {
		expect(keysOf(locale).filter((key) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(key))).toEqual([]);
	});

	test.each(locales)('%s has no empty messages', (locale) => {
		expect(keysOf(locale).filter((key) => JSON.stringify(files[locale][key]).replace(/"/g, '').trim() === '')).toEqual([]);
	});

	test('the compiled messages are there in every language (a missing plugin drops them silently)', () => {
		expect(m.nav_log_in({}, { locale: 'fi' })).toBe('Kirjaudu sisään');
		expect(m.nav_log_in({}, { locale: 'sv' })).toBe('Logga in');
		expect(m.courses_member_count({ count: 1 }, { locale: 'fi' })).toBe('1 jäsen');
		expect(m.courses_member_count({ count: 2 }, { locale: 'fi' })).toBe('2 jäsentä');
		expect(m.courses_member_count({ count: 2 }, { locale: 'en' })).toBe('2 members');
	});
});
