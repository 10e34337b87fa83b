import { COMMENT_LIMITS } from '$lib/comments/model';
import { invalid } from '../errors';
import { m } from '$lib/paraglide/messages';

// Control characters other than tab and line breaks, as every multi-line field of the app refuses.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A comment body as stored: plain text, trimmed, within the limit. Nothing in it is ever markup. */
export function commentBody(raw: unknown, { optional = false }: { optional?: boolean } = {}): string {
	const body = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').trim() : '';
	if (body === '' && !optional) throw invalid(m.comments_error_body_required(), 'body');
	if (body.length > COMMENT_LIMITS.bodyLength) {
		throw invalid(m.comments_error_body_too_long({ max: COMMENT_LIMITS.bodyLength, length: body.length }), 'body');
	}
	const control = CONTROL.exec(body);
	if (control) {
		const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
		throw invalid(m.comments_error_body_control({ code }), 'body');
	}
	return body;
}

/** A short excerpt for notifications and emails. */
export function excerpt(text: string, length = 280): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
