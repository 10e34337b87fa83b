import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multilingualSpec } from '$lib/course-spec/fixtures';
import { validate, type ExportFormat } from '$lib/server/exports';
import type { RunningApp } from '$tests/support/app-server';
import { buildPublishedCourse, type PublishedCourse } from '$tests/support/factories';
import { ensureProductionBuild } from '$tests/support/production-build';
import { startSeededApp } from '$tests/support/seeded-app';

// The downloads over real HTTP against the production server: headers, bytes, 304, CORS, the API's
// exports map, the OpenAPI document and the public page's Downloads section.

const FILES: [ExportFormat, string, string][] = [
	['ob3Achievement', 'ob3-achievement', 'application/json'],
	['ob3CredentialTemplate', 'ob3-credential-template', 'application/ld+json'],
	['elmLearningOpportunity', 'elm-learning-opportunity', 'application/ld+json'],
	['elmCredentialTemplate', 'elm-credential-template', 'application/ld+json']
];

describe.skipIf(process.env.TEST_DB === 'postgres')('credential export downloads', () => {
	let app: RunningApp;
	let course: PublishedCourse;
	const get = (path: string, init?: RequestInit) => fetch(`${app.url}${path}`, init);
	const base = () => `/api/v1/specs/${course.slug}/versions/1`;

	beforeAll(async () => {
		await ensureProductionBuild();
		const started = await startSeededApp((db) => buildPublishedCourse(db, multilingualSpec(), { slug: 'circular-product-design' }));
		app = started.app;
		course = started.seeded;
		// The first file to need the production build waits for it, which on a busy machine takes minutes.
	}, 300_000);
	afterAll(async () => {
		await app?.stop();
	});

	it('serves each export with its media type, a file name, a hash ETag, public caching and open CORS; the same bytes every time; 304', async () => {
		for (const [format, segment, type] of FILES) {
			const response = await get(`${base()}/exports/${segment}`, { headers: { Origin: 'https://issuer.example' } });
			expect(response.status, segment).toBe(200);
			expect(response.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
			expect(response.headers.get('content-disposition')).toBe(
				`attachment; filename="circular-product-design-v1.${segment}.${format === 'ob3Achievement' ? 'json' : 'jsonld'}"`
			);
			expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
			expect(response.headers.get('access-control-allow-origin')).toBe('*');
			const etag = response.headers.get('etag')!;
			expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
			const body = await response.text();
			const again = await get(`${base()}/exports/${segment}`);
			expect(await again.text()).toBe(body);
			expect(again.headers.get('etag')).toBe(etag);
			const cachedCopy = await get(`${base()}/exports/${segment}`, { headers: { 'If-None-Match': etag } });
			expect(cachedCopy.status).toBe(304);
			expect(await cachedCopy.text()).toBe('');
			const result = await validate(format, JSON.parse(body));
			expect(result.violations, segment).toEqual([]);
		}
	});

	it('serves language editions, and answers bad requests with JSON errors', async () => {
		const swedish = await (await get(`${base()}/exports/ob3-achievement?lang=sv`)).json();
		expect(swedish.inLanguage).toBe('sv');
		for (const [path, status, code] of [
			[`${base()}/exports/ob3-achievement?lang=de`, 400, 'invalid_parameter'],
			[`${base()}/exports/ob3-achievement?colour=red`, 400, 'unknown_parameter'],
			[`${base()}/exports/obf-badge`, 404, 'not_found'],
			[`/api/v1/specs/${course.slug}/versions/9/exports/ob3-achievement`, 404, 'not_found'],
			[`/api/v1/specs/${course.slug}/versions/x/badge.png`, 400, 'invalid_parameter']
		] as const) {
			const response = await get(path);
			expect(response.status, path).toBe(status);
			expect((await response.json()).error.code, path).toBe(code);
		}
		const preflight = await get(`${base()}/exports/ob3-achievement`, { method: 'OPTIONS' });
		expect(preflight.status).toBe(204);
		expect((await get(`${base()}/exports/ob3-achievement`, { method: 'POST' })).status).toBe(405);
	});

	it('serves the badge as an immutable 600×600 PNG and a sandboxed SVG', async () => {
		const png = await get(`${base()}/badge.png`);
		expect(png.headers.get('content-type')).toBe('image/png');
		expect(png.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		const bytes = new Uint8Array(await png.arrayBuffer());
		const view = new DataView(bytes.buffer);
		expect([view.getUint32(16), view.getUint32(20)]).toEqual([600, 600]);
		const svg = await get(`${base()}/badge.svg`);
		expect(svg.headers.get('content-type')).toBe('image/svg+xml');
		expect(svg.headers.get('content-security-policy')).toContain('sandbox');
		expect(await svg.text()).toContain('<title>Micro-credential badge: Kiertotalouden tuotesuunnittelu');
	});

	it('lists every export, the PDF and the badge in the API, as the OpenAPI document describes', async () => {
		const version = await (await get(`/api/v1/specs/${course.slug}`)).json();
		expect(version.exports).toEqual({
			spec: `${app.url}${base()}/spec.json`,
			pdf: `${app.url}/c/${course.slug}/v/1/pdf`,
			ob3Achievement: `${app.url}${base()}/exports/ob3-achievement`,
			ob3CredentialTemplate: `${app.url}${base()}/exports/ob3-credential-template`,
			elmLearningOpportunity: `${app.url}${base()}/exports/elm-learning-opportunity`,
			elmCredentialTemplate: `${app.url}${base()}/exports/elm-credential-template`
		});
		expect(version.badge).toEqual({ png: `${app.url}${base()}/badge.png`, svg: `${app.url}${base()}/badge.svg`, alt: expect.stringContaining('Micro-credential badge'), uploaded: false });
		const spec = await fetch(version.exports.spec);
		expect(spec.headers.get('content-disposition')).toBe('inline; filename="circular-product-design-v1.spec.json"');
		const openapi = await (await get('/api/v1/openapi.json')).json();
		expect(Object.keys(openapi.paths)).toEqual(
			expect.arrayContaining(['/specs/{slug}/versions/{number}/exports/{format}', '/specs/{slug}/versions/{number}/badge.png', '/specs/{slug}/versions/{number}/badge.svg'])
		);
		expect(openapi.components.schemas.SpecVersion.properties.exports.required).toEqual(expect.arrayContaining(['ob3Achievement', 'elmCredentialTemplate']));
	});

	it('offers the downloads, the badge with alt text and the issuer guide on the public page', async () => {
		const html = await (await get(`/c/${course.slug}`)).text();
		expect(html).toContain('Downloads for issuers');
		expect(html).toMatch(/<img[^>]+src="[^"]*\/badge\.png"[^>]+alt="Micro-credential badge: Kiertotalouden tuotesuunnittelu/);
		for (const [, segment] of FILES) expect(html).toContain(`/exports/${segment}`);
		expect(html).toContain('Issue with…');
		expect(html).toContain('Open Badge Factory');
	});
});
