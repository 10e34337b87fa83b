import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '$tests/support/app-server';
import { ensureProductionBuild } from '$tests/support/production-build';

/**
 * Hostile form bodies against the production server: U+0000 in text fields (PostgreSQL refuses it in
 * text columns) and multipart bodies that cannot be parsed. Both used to end in a 500; now the person
 * gets a 400 with a message. Runs in the PGlite project only (the server has its own PGlite).
 */

const NUL_MESSAGE = /invisible control character \(U\+0000\)/;

describe.skipIf(process.env.TEST_DB === 'postgres')('hostile form bodies', () => {
	let app: RunningApp;
	let cookie: string;
	let courseId: string;

	beforeAll(async () => {
		await ensureProductionBuild();
		app = await startApp();
		// The first account is the instance admin, so the admin settings form is reachable too.
		const signedUp = await post('/signup', '', { name: 'Ada Admin', email: 'ada@example.org', password: 'a long enough password' });
		expect(signedUp.status).toBe(303);
		cookie = signedUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		const created = await post('/courses?/create', cookie, { title: 'Hostile inputs 101' });
		courseId = /\/courses\/([a-z2-7]{24})$/.exec(created.headers.get('location') ?? '')![1];
	});
	afterAll(async () => {
		await app?.stop();
	});

	function post(path: string, withCookie: string, body: Record<string, string> | { raw: string; type: string }) {
		const form = 'raw' in body;
		return fetch(app.url + path, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: app.url,
				accept: 'text/html',
				cookie: withCookie,
				'content-type': form ? (body.type as string) : 'application/x-www-form-urlencoded'
			},
			body: form ? (body.raw as string) : new URLSearchParams(body as Record<string, string>)
		});
	}

	describe('U+0000 in a text field', () => {
		const cases: [string, string, () => string, Record<string, string>][] = [
			['signup name', 'name', () => '/signup', { name: 'Null\u0000 Person', email: 'null@example.org', password: 'a long enough password' }],
			['course title', 'title', () => '/courses?/create', { title: 'Nul\u0000 course' }],
			['rename', 'title', () => `/courses/${courseId}/settings?/rename`, { title: 'Renamed\u0000' }],
			['version name', 'name', () => `/courses/${courseId}/history?/save`, { name: 'v\u0000' }],
			['organisation name', 'organisationName', () => '/admin?/profile', profile({ organisationName: 'Org\u0000' })],
			['website', 'website', () => '/admin?/profile', profile({ website: 'https://org\u0000.example' })],
			['quality statement', 'qaStatement', () => '/admin?/profile', profile({ qaStatement: 'We check\u0000' })]
		];
		it.each(cases)('in the %s answers 400 with a message next to the field', async (_, field, path, fields) => {
			const response = await post(path(), field === 'name' && path() === '/signup' ? '' : cookie, fields);
			expect(response.status).toBe(400);
			const html = await response.text();
			const message = new RegExp(`id="field-${field}-error"[^>]*>[^<]*invisible control character \\(U\\+0000\\)`);
			expect(html).toMatch(message);
		});

		it('keeps tabs and newlines in the multi-line statement', async () => {
			const response = await post('/admin?/profile', cookie, profile({ qaStatement: 'Reviewed yearly.\n\tBy the board.' }));
			expect(response.status).toBe(200);
			expect(await response.text()).not.toMatch(NUL_MESSAGE);
		});
	});

	describe('a multipart body that cannot be parsed', () => {
		const actions = [
			'/login',
			'/signup',
			'/courses?/create',
			'/admin?/profile',
			'/admin?/role',
			() => `/courses/${courseId}/settings?/rename`,
			() => `/courses/${courseId}/history?/save`,
			() => `/courses/${courseId}/history?/restore`,
			() => `/courses/${courseId}/team?/invite`,
			() => `/courses/${courseId}/team?/revoke`,
			() => `/courses/${courseId}/team?/change`,
			() => `/courses/${courseId}/team?/remove`
		];
		it.each(actions)('answers 400 with the error page at %s', async (action) => {
			const path = typeof action === 'string' ? action : action();
			const response = await post(path, cookie, {
				type: 'multipart/form-data; boundary=----co-course',
				raw: '------co-course\r\nContent-Disposition: form-data; name="title"\r\n\r\nno closing boundary'
			});
			expect(response.status).toBe(400);
			const html = await response.text();
			expect(html).toContain('could not read the form');
			expect(app.output()).not.toMatch(/\[error [0-9a-f]{8}\]/);
		});

		it('still answers 413 to a body over the size limit', async () => {
			const response = await post('/courses?/create', cookie, { title: 'x'.repeat(600_000) });
			expect(response.status).toBe(413);
		});
	});
});

function profile(overrides: Record<string, string>): Record<string, string> {
	return { organisationName: 'Tampere Applied', country: 'FI', website: '', qaStatement: '', hoursPerEcts: '27', ...overrides };
}
