import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '$tests/support/app-server';
import { ensureProductionBuild } from '$tests/support/production-build';

/** Security headers of the production server, on pages and on the static files served before our hooks. */

function directives(header: string | null): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const part of (header ?? '').split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name) map.set(name, values);
	}
	return map;
}

describe.skipIf(process.env.TEST_DB === 'postgres')('security headers', () => {
	let app: RunningApp;
	let behindTls: RunningApp;

	beforeAll(async () => {
		await ensureProductionBuild();
		app = await startApp();
		// As behind a TLS-terminating proxy that says so in X-Forwarded-Proto.
		behindTls = await startApp({ env: { PROTOCOL_HEADER: 'x-forwarded-proto' } });
	});
	afterAll(async () => {
		await app?.stop();
		await behindTls?.stop();
	});

	it('pages carry a Content-Security-Policy without inline scripts, with a fresh nonce per response', async () => {
		const [first, second] = await Promise.all([fetch(`${app.url}/login`), fetch(`${app.url}/login`)]);
		const csp = directives(first.headers.get('content-security-policy'));
		const scripts = csp.get('script-src') ?? [];
		expect(scripts).toContain("'self'");
		expect(scripts).not.toContain("'unsafe-inline'");
		expect(scripts).not.toContain("'unsafe-eval'");
		const nonce = scripts.find((s) => s.startsWith("'nonce-"));
		expect(nonce).toBeDefined();
		expect(directives(second.headers.get('content-security-policy')).get('script-src')).not.toContain(nonce);
		expect(await first.text()).toContain(`nonce="${nonce!.slice(7, -1)}"`);

		expect(csp.get('default-src')).toEqual(["'self'"]);
		expect(csp.get('connect-src')).toEqual(["'self'"]);
		expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
		expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
		expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
		expect(csp.get('base-uri')).toEqual(["'self'"]);
		expect(csp.get('form-action')).toEqual(["'self'"]);
		expect(csp.get('object-src')).toEqual(["'none'"]);
	});

	it('pages also get nosniff, a Permissions-Policy and no HSTS over plain http', async () => {
		const response = await fetch(`${app.url}/login`);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
		expect(response.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
		expect(response.headers.get('strict-transport-security')).toBeNull();
	});

	it('sends HSTS when the request came over https', async () => {
		const tls = await fetch(`${behindTls.url}/login`, { headers: { 'x-forwarded-proto': 'https' } });
		expect(tls.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
		const plain = await fetch(`${behindTls.url}/login`, { headers: { 'x-forwarded-proto': 'http' } });
		expect(plain.headers.get('strict-transport-security')).toBeNull();
	});

	it('static files get nosniff too, although they are served before the hooks run', async () => {
		const html = await (await fetch(`${app.url}/login`)).text();
		const script = /\/_app\/immutable\/[^"]+\.js/.exec(html)?.[0];
		expect(script).toBeDefined();
		for (const asset of [script!, '/favicon.svg']) {
			const response = await fetch(app.url + asset);
			expect(response.status, asset).toBe(200);
			expect(response.headers.get('x-content-type-options'), asset).toBe('nosniff');
		}
	});
});
