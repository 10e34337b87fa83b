import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullSpec, multilingualSpec } from '$lib/course-spec/fixtures';
import { validate } from '$lib/server/exports';
import { addPart, createPathway, setPathwayPublished } from '$lib/server/pathways';
import type { RunningApp } from '$tests/support/app-server';
import { buildPublishedCourse, type PublishedCourse } from '$tests/support/factories';
import { ensureProductionBuild } from '$tests/support/production-build';
import { buildPerson } from '$tests/support/review';
import { startSeededApp } from '$tests/support/seeded-app';

// Pathways over real HTTP against the production server: the read API's shapes and conventions, the
// ELM download, the public page, and a draft pathway that must not show anywhere public.
const DRAFT = /quokkapath|secret-draft/i;

describe.skipIf(process.env.TEST_DB === 'postgres')('pathways in public', () => {
	let app: RunningApp;
	let a: PublishedCourse;
	let b: PublishedCourse;
	const get = (path: string, init?: RequestInit) => fetch(`${app.url}${path}`, init);

	beforeAll(async () => {
		await ensureProductionBuild();
		const started = await startSeededApp(async (db) => {
			await db.updateTable('provider_profile').set({ organisation_name: 'Example UAS', country: 'FI', website: 'https://www.example.fi' }).execute();
			const coordinator = await buildPerson(db, 'Coordinator', 'coordinator');
			const a = await buildPublishedCourse(db, fullSpec());
			const b = await buildPublishedCourse(db, multilingualSpec());
			const base = { description: 'Two courses towards circular production.', language: 'en', requirement: 'all', requiredCount: null } as const;
			const published = await createPathway(db, coordinator, { ...base, title: 'Sustainable manufacturing', slug: 'sustainable-manufacturing' });
			const draft = await createPathway(db, coordinator, { ...base, title: 'Quokkapath draft', slug: 'secret-draft' });
			for (const id of [published.id, draft.id]) for (const c of [a, b]) await addPart(db, coordinator, id, c.courseId);
			await setPathwayPublished(db, coordinator, published.id, true);
			return { a, b };
		});
		app = started.app;
		({ a, b } = started.seeded);
	}, 300_000);
	afterAll(async () => {
		await app?.stop();
	});

	it('lists published pathways with an ETag, 304 and open CORS; refuses parameters as JSON', async () => {
		const response = await get('/api/v1/pathways', { headers: { Origin: 'https://issuer.example' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		const body = await response.json();
		expect(body).toEqual({
			total: 1,
			items: [
				{
					slug: 'sustainable-manufacturing',
					title: 'Sustainable manufacturing',
					language: 'en',
					url: `${app.url}/p/sustainable-manufacturing`,
					api: `${app.url}/api/v1/pathways/sustainable-manufacturing`,
					parts: 2,
					requirement: { kind: 'all' },
					ects: { min: 6, max: 6, allParts: 6, partsWithoutEcts: 0 },
					publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
				}
			]
		});
		const again = await get('/api/v1/pathways', { headers: { 'If-None-Match': response.headers.get('etag')! } });
		expect(again.status).toBe(304);
		const bad = await get('/api/v1/pathways?q=x');
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ error: { code: 'unknown_parameter', param: 'q' } });
	});

	it('answers one pathway with its parts at their latest versions; a draft is a JSON 404', async () => {
		const body = await (await get('/api/v1/pathways/sustainable-manufacturing')).json();
		expect(body.parts.map((p: { slug: string; position: number; version: number }) => [p.position, p.slug, p.version])).toEqual([
			[1, a.slug, 1],
			[2, b.slug, 1]
		]);
		expect(body.parts[0]).toMatchObject({ url: `${app.url}/c/${a.slug}`, api: `${app.url}/api/v1/specs/${a.slug}`, retired: false, ects: 3 });
		expect(body.exports.elmLearningOpportunity).toBe(`${app.url}/api/v1/pathways/sustainable-manufacturing/elm.jsonld`);
		const draft = await get('/api/v1/pathways/secret-draft');
		expect(draft.status).toBe(404);
		expect(await draft.json()).toMatchObject({ error: { code: 'not_found' } });
		expect((await get('/api/v1/pathways/secret-draft/elm.jsonld')).status).toBe(404);
	});

	it('serves the ELM export as a download that validates with zero violations', { timeout: 60_000 }, async () => {
		const response = await get('/api/v1/pathways/sustainable-manufacturing/elm.jsonld');
		expect(response.headers.get('content-type')).toBe('application/ld+json');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="sustainable-manufacturing.pathway.elm-learning-opportunity.jsonld"');
		const document = await response.json();
		expect(document.learningAchievementSpecification.hasPart).toHaveLength(2);
		expect((await validate('elmLearningOpportunity', document)).violations).toEqual([]);
		expect((await get('/api/v1/openapi.json').then((r) => r.json())).paths).toHaveProperty(['/pathways/{slug}/elm.jsonld']);
	});

	it('has a public page with JSON-LD, named on its courses’ pages, in the catalogue and the sitemap; the draft nowhere', async () => {
		const page = await (await get('/p/sustainable-manufacturing')).text();
		expect(page).toContain('Sustainable manufacturing');
		expect(page).toContain('"@type":"EducationalOccupationalProgram"');
		expect(page).toContain(`href="/c/${a.slug}"`);
		expect((await get('/p/secret-draft')).status).toBe(404);
		const coursePage = await (await get(`/c/${a.slug}`)).text();
		expect(coursePage).toContain('href="/p/sustainable-manufacturing"');
		const catalogue = await (await get('/catalogue')).text();
		expect(catalogue).toContain('href="/p/sustainable-manufacturing"');
		const sitemap = await (await get('/sitemap.xml')).text();
		expect(sitemap).toContain(`${app.url}/p/sustainable-manufacturing`);
		for (const text of [coursePage, catalogue, sitemap, await (await get('/api/v1/pathways')).text()]) expect(text).not.toMatch(DRAFT);
	});

	it('keeps the coordinators’ pages to coordinators', async () => {
		const response = await get('/pathways', { redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/login\?next=/);
	});
});
