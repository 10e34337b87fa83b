import { COMMENT_LIMITS } from '$lib/comments/model';
import { invalid } from '../errors';

// Control characters other than tab and line breaks, as every multi-line field of the app refuses.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A comment body as stored: plain text, trimmed, within the limit. Nothing in it is ever markup. */
export function commentBody(raw: unknown, { optional = false }: { optional?: boolean } = {}): string {
	const body = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').trim() : '';
	if (body === '' && !optional) throw invalid('Write a comment first.', 'body');
	if (body.length > COMMENT_LIMITS.bodyLength) {
		throw invalid(`A comment can be at most ${COMMENT_LIMITS.bodyLength} characters (this one has ${body.length}).`, 'body');
	}
	const control = CONTROL.exec(body);
	if (control) {
		const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
		throw invalid(`The comment contains an invisible control character (${code}); retype it without.`, 'body');
	}
	return body;
}

/** A short excerpt for notifications and emails. */
export function excerpt(text: string, length = 280): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
