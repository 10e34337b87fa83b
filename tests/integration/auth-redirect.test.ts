import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '$tests/support/app-server';
import { ensureProductionBuild } from '$tests/support/production-build';

/**
 * `next` after login and signup, against the production server: whatever a link puts there, the
 * Location header names a path on this origin. The server runs on its own PGlite, so the file runs in
 * the PGlite project only.
 */

const TRICKS = [
	'/\t/evil.example',
	'/\n/evil.example',
	'/\r/evil.example',
	'/courses\r\nSet-Cookie: stolen=1',
	'//evil.example',
	'///evil.example',
	'/\\evil.example',
	'\\\\evil.example',
	'/.//evil.example',
	'/%2e//evil.example',
	'https://evil.example/',
	'http:evil.example',
	'javascript:alert(1)',
	'evil.example'
];
const GOOD = [
	['/courses/abcdefghijklmnopqrstuvwx/team?tab=invites#links', '/courses/abcdefghijklmnopqrstuvwx/team?tab=invites#links'],
	['/courses?show=archived', '/courses?show=archived'],
	['/%2F%2Fevil.example', '/%2F%2Fevil.example']
];

describe.skipIf(process.env.TEST_DB === 'postgres')('the next parameter after signing in', () => {
	let app: RunningApp;
	let cookie: string;
	const email = `next-${Date.now()}@example.org`;
	const password = 'a long enough password';

	beforeAll(async () => {
		await ensureProductionBuild();
		app = await startApp();
		const signedUp = await post('/signup', { name: 'Nora Next', email, password });
		expect(signedUp.status).toBe(303);
		cookie = signedUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	});
	afterAll(async () => {
		await app?.stop();
	});

	function post(pathAndQuery: string, fields: Record<string, string>) {
		return fetch(app.url + pathAndQuery, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: app.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields)
		});
	}
	const withNext = (path: string, next: string) => `${path}?next=${encodeURIComponent(next)}`;

	it.each(TRICKS)('a signed-in visit to /login?next=%j stays on the origin', async (next) => {
		const response = await fetch(app.url + withNext('/login', next), { redirect: 'manual', headers: { cookie } });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/courses');
	});

	it.each(TRICKS)('logging in with next=%j lands on /courses', async (next) => {
		const response = await post(withNext('/login', next), { email, password });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/courses');
	});

	it.each(TRICKS.slice(0, 6))('signing up with next=%j lands on /courses', async (next) => {
		const response = await post(withNext('/signup', next), {
			name: 'Sam Signup',
			email: `signup-${crypto.randomUUID()}@example.org`,
			password
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/courses');
	});

	it.each(GOOD)('a same-origin path %j is followed as %j', async (next, expected) => {
		const response = await post(withNext('/login', next), { email, password });
		expect(response.headers.get('location')).toBe(expected);
		const visit = await fetch(app.url + withNext('/signup', next), { redirect: 'manual', headers: { cookie } });
		expect(visit.headers.get('location')).toBe(expected);
	});
});
