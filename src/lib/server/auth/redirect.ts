export const DEFAULT_AFTER_SIGN_IN = '/courses';

// Browsers drop tabs and newlines inside URLs and read a backslash as a slash, so "/\t/evil.example"
// or "/\evil.example" would leave the site: such raw values are refused outright, never repaired.
const UNSAFE_CHARACTER = /[\u0000-\u001F\u007F-\u009F\\]/;

/**
 * Where to send someone after login, signup or an invite: the `next` value when it names a path on
 * this origin, else the fallback. The returned path is the URL parser's serialisation (percent-encoded,
 * dot segments resolved), so the Location header holds exactly what the browser will request.
 */
export function safeRedirectTarget(
	next: string | null | undefined,
	origin: string,
	fallback = DEFAULT_AFTER_SIGN_IN
): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || UNSAFE_CHARACTER.test(next)) return fallback;
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return fallback;
	}
	// Dot segments can collapse into a protocol-relative path: "/.//evil.example" resolves to "//evil.example".
	if (url.origin !== new URL(origin).origin || url.pathname.startsWith('//')) return fallback;
	return url.pathname + url.search + url.hash;
}
