import { m } from '$lib/paraglide/messages';
import { cssString } from '$lib/styles/css-string';

/**
 * Screen readers do not announce <ins>/<del> by themselves, so a `diff-marks` container (app.css)
 * adds "[inserted: …]" around them as generated content, which is read but never copied with the text.
 * The words come from here, in the reader's language, as custom properties on the container.
 */
export function diffMarkLabels(): string {
	return [
		`--diff-inserted-label: ${cssString(` [${m.diff_announce_inserted()}: `)}`,
		`--diff-deleted-label: ${cssString(` [${m.diff_announce_deleted()}: `)}`,
		`--diff-end-label: ${cssString('] ')}`
	].join('; ');
}
