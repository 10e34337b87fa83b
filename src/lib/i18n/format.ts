import { getLocale } from '$lib/paraglide/runtime';
import { INTL_LOCALES, type Locale } from './locales';

// Intl formatters are costly to build and immutable: one per locale and option set is enough.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
	kind: string,
	locale: Locale,
	options: object,
	build: (tag: string) => T
): T {
	const key = `${kind}|${locale}|${JSON.stringify(options)}`;
	let formatter = cache.get(key) as T | undefined;
	if (!formatter) {
		formatter = build(INTL_LOCALES[locale]);
		cache.set(key, formatter);
	}
	return formatter;
}

export const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
export const DATE_LONG: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
export const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit' };
/** The day a version or pathway was published: the same calendar day for every reader, wherever they are. */
export const PUBLISHED_DATE: Intl.DateTimeFormatOptions = { ...DATE_LONG, timeZone: 'UTC' };
export const PUBLISHED_DATE_SHORT: Intl.DateTimeFormatOptions = { ...DATE, timeZone: 'UTC' };

export interface FormatOptions {
	/** Defaults to the request's (server) or page's (browser) locale; pass the recipient's for emails. */
	locale?: Locale;
}

/** A date in the current locale; `options` are Intl's (DATE, DATE_LONG, DATE_TIME or your own). */
export function formatDate(
	value: Date | string | number,
	options: Intl.DateTimeFormatOptions = DATE,
	{ locale = getLocale() }: FormatOptions = {}
): string {
	return cached('date', locale, options, (tag) => new Intl.DateTimeFormat(tag, options)).format(new Date(value));
}

export function formatNumber(
	value: number,
	options: Intl.NumberFormatOptions = {},
	{ locale = getLocale() }: FormatOptions = {}
): string {
	return cached('number', locale, options, (tag) => new Intl.NumberFormat(tag, options)).format(value);
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
	['second', 60],
	['minute', 60],
	['hour', 24],
	['day', 7],
	['week', 4.345],
	['month', 12],
	['year', Infinity]
];

/** "3 days ago" / "3 päivää sitten" / "för 3 dagar sedan", in the largest unit that fits. */
export function formatRelative(
	value: Date | string | number,
	{ now = Date.now(), locale = getLocale() }: FormatOptions & { now?: number } = {}
): string {
	let amount = (new Date(value).getTime() - now) / 1000;
	let unit: Intl.RelativeTimeFormatUnit = 'second';
	for (const [stepUnit, size] of RELATIVE_STEPS) {
		unit = stepUnit;
		if (Math.abs(amount) < size) break;
		amount /= size;
	}
	const options = { numeric: 'auto' } as const;
	return cached('relative', locale, options, (tag) => new Intl.RelativeTimeFormat(tag, options)).format(
		Math.round(amount),
		unit
	);
}
