import type { Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';

/**
 * The line under "Updated after pilot feedback": how many points the version answers (a count, no one's
 * words), in the reader's language unless `locale` says otherwise (the PDF passes its own).
 */
export function addressedLine(addressed: number, options: { locale?: Locale } = {}): string {
	if (addressed === 0) return '';
	return m.feedback_public_addressed({ count: addressed }, options);
}
