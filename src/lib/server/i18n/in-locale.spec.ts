import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { documentLocale } from '$lib/i18n/locales';
import { inLocale } from './in-locale';

describe('inLocale', () => {
	it('gives the work the locale asked for, and only the work', () => {
		const before = getLocale();
		expect(inLocale('fi', () => m.public_download_pdf())).toBe('Lataa PDF');
		expect(inLocale('sv', () => inLocale('fi', () => getLocale()) + getLocale())).toBe('fisv');
		expect(getLocale()).toBe(before);
	});

	it('keeps requests apart: work that waits still reads its own locale', async () => {
		const later = (locale: 'fi' | 'sv') =>
			inLocale(locale, async () => {
				await new Promise((resolve) => setTimeout(resolve, 5));
				return m.public_download_pdf();
			});
		expect(await Promise.all([later('fi'), later('sv')])).toEqual(['Lataa PDF', 'Ladda ner PDF']);
	});
});

describe('documentLocale', () => {
	it('is the content language where the interface has it, else the fallback', () => {
		expect(documentLocale('sv', 'fi')).toBe('sv');
		expect(documentLocale('sv-FI', 'en')).toBe('sv');
		expect(documentLocale('de', 'fi')).toBe('fi');
		expect(documentLocale('se', 'en')).toBe('en');
	});
});
