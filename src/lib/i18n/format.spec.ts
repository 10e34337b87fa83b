import { describe, expect, test } from 'vitest';
import { DATE, DATE_LONG, formatDate, formatNumber, formatRelative } from './format';

describe('Intl helpers', () => {
	const date = new Date(Date.UTC(2026, 2, 5, 12));
	test('dates follow the locale', () => {
		expect(formatDate(date, { ...DATE_LONG, timeZone: 'UTC' }, { locale: 'en' })).toBe('5 March 2026');
		expect(formatDate(date, { ...DATE_LONG, timeZone: 'UTC' }, { locale: 'fi' })).toBe('5. maaliskuuta 2026');
		expect(formatDate(date, { ...DATE_LONG, timeZone: 'UTC' }, { locale: 'sv' })).toBe('5 mars 2026');
		expect(formatDate(date, { ...DATE, timeZone: 'UTC' }, { locale: 'fi' })).toBe('5.3.2026');
	});
	test('numbers follow the locale', () => {
		expect(formatNumber(1234.5, {}, { locale: 'en' })).toBe('1,234.5');
		expect(formatNumber(1234.5, {}, { locale: 'fi' })).toBe('1\u00a0234,5');
	});
	test('relative times pick the largest unit', () => {
		const now = date.getTime();
		expect(formatRelative(now - 3 * 86_400_000, { now, locale: 'en' })).toBe('3 days ago');
		expect(formatRelative(now - 3 * 86_400_000, { now, locale: 'fi' })).toBe('3 päivää sitten');
		expect(formatRelative(now - 3 * 86_400_000, { now, locale: 'sv' })).toBe('för 3 dagar sedan');
		expect(formatRelative(now - 86_400_000, { now, locale: 'en' })).toBe('yesterday');
	});
	test('outside a request the base language is used', () => {
		expect(formatNumber(0.5)).toBe('0.5');
	});
});
