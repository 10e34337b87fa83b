import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { RunningApp } from '$tests/support/app-server';
import { ensureProductionBuild } from '$tests/support/production-build';
import { startSeededApp } from '$tests/support/seeded-app';
import { buildPublishedCourse, publishNextVersion, type PublishedCourse } from '$tests/support/factories';
import {
	buildDraftWithWord,
	buildInReviewWithWord,
	editAfterPublishing,
	englishSpec,
	hostileSpec,
	specWithWord
} from '$tests/support/catalogue-fixtures';

// The public surfaces over real HTTP against the production server: pages, PDF, API, sitemap.
// Unpublished words: a draft's, a course in review's, and edits made after publishing.
const UNPUBLISHED = /quokkaworth|zephyrine|xanthelasma/i;

async function pdfText(response: Response): Promise<string> {
	const doc = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
	return (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ');
}

describe.skipIf(process.env.TEST_DB === 'postgres')('public pages, PDF and read API', () => {
	let app: RunningApp;
	let main: PublishedCourse;
	let hostile: PublishedCourse;
	let retired: PublishedCourse;
	const get = (path: string, init?: RequestInit) => fetch(`${app.url}${path}`, init);

	beforeAll(async () => {
		await ensureProductionBuild();
		const started = await startSeededApp(async (db) => {
			const main = await buildPublishedCourse(db, specWithWord('plumbago'), { changeNotes: 'First publication.' });
			const v2 = specWithWord('plumbago');
			v2.title = { en: 'Course about plumbago, revised' };
			await publishNextVersion(db, main, v2, { changeNotes: 'Clearer outcomes.\nA new title.' });
			await editAfterPublishing(db, main, 'xanthelasma');
			await buildDraftWithWord(db, 'quokkaworth');
			await buildInReviewWithWord(db, 'zephyrine');
			const hostile = await buildPublishedCourse(db, hostileSpec(), { unvalidated: true, slug: 'hostile' });
			const retired = await buildPublishedCourse(db, englishSpec('Retired robotics'));
			await db.updateTable('courses').set({ retired_at: new Date() }).where('id', '=', retired.courseId).execute();
			return { main, hostile, retired };
		});
		app = started.app;
		({ main, hostile, retired } = started.seeded);
	});
	afterAll(async () => {
		await app?.stop();
	});

	describe('read API', () => {
		it('lists published specs with the documented fields, an ETag, 304 and open CORS', async () => {
			const response = await get('/api/v1/specs?q=plumbago', { headers: { Origin: 'https://issuer.example' } });
			expect(response.status).toBe(200);
			expect(response.headers.get('access-control-allow-origin')).toBe('*');
			expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
			const body = await response.json();
			expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
			expect(body.items[0]).toEqual({
				slug: main.slug,
				title: 'Course about plumbago, revised',
				version: 2,
				publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				url: `${app.url}/c/${main.slug}`,
				api: `${app.url}/api/v1/specs/${main.slug}`,
				ects: 3,
				eqfLevel: 6,
				languages: ['en', 'fi'],
				provider: 'Example University of Applied Sciences',
				retired: false
			});
			const etag = response.headers.get('etag')!;
			expect(etag).toMatch(/^".+"$/);
			const again = await get('/api/v1/specs?q=plumbago', { headers: { 'If-None-Match': etag } });
			expect(again.status).toBe(304);
			expect(await again.text()).toBe('');
			expect((await get('/api/v1/specs?pageSize=1')).headers.get('etag')).not.toBe(etag);
		});

		it('answers bad parameters with 400 and a JSON error naming the parameter', async () => {
			for (const [query, code, param] of [
				['pageSize=1000', 'invalid_parameter', 'pageSize'],
				['eqf=9', 'invalid_parameter', 'eqf'],
				['ectsMin=lots', 'invalid_parameter', 'ectsMin'],
				['form=telepathy', 'invalid_parameter', 'form'],
				['colour=blue', 'unknown_parameter', 'colour']
			]) {
				const response = await get(`/api/v1/specs?${query}`);
				expect(response.status, query).toBe(400);
				expect(response.headers.get('content-type')).toContain('application/json');
				const body = await response.json();
				expect(body, query).toEqual({ error: { code, message: expect.any(String), param } });
			}
		});

		it('gives one version with its content hash, change notes, spec and exports; the spec export hashes to the content hash', async () => {
			const latest = await get(`/api/v1/specs/${main.slug}`);
			expect(latest.status).toBe(200);
			const body = await latest.json();
			expect(body).toMatchObject({ slug: main.slug, version: 2, latestVersion: 2, changeNotes: 'Clearer outcomes.\nA new title.', retired: false });
			expect(body.spec.title.en).toBe('Course about plumbago, revised');
			expect(body.contentHash).toMatch(/^[0-9a-f]{64}$/);
			expect(body.exports.spec).toBe(`${app.url}/api/v1/specs/${main.slug}/versions/2/spec.json`);
			const exported = await fetch(body.exports.spec);
			expect(exported.headers.get('cache-control')).toContain('immutable');
			expect(createHash('sha256').update(Buffer.from(await exported.arrayBuffer())).digest('hex')).toBe(body.contentHash);

			const etag = latest.headers.get('etag')!;
			expect(etag).toContain(body.contentHash);
			expect((await get(`/api/v1/specs/${main.slug}`, { headers: { 'If-None-Match': `W/${etag}, "other"` } })).status).toBe(304);

			const first = await (await get(`/api/v1/specs/${main.slug}/versions/1`)).json();
			expect(first).toMatchObject({ version: 1, latestVersion: 2, changeNotes: 'First publication.' });
			expect(first.url).toBe(`${app.url}/c/${main.slug}/v/1`);
			const versions = await (await get(`/api/v1/specs/${main.slug}/versions`)).json();
			expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
		});

		it('says not found, bad version, wrong method and unknown address in JSON', async () => {
			const cases: [string, RequestInit | undefined, number, string][] = [
				['/api/v1/specs/no-such-course', undefined, 404, 'not_found'],
				[`/api/v1/specs/${main.slug}/versions/9`, undefined, 404, 'not_found'],
				[`/api/v1/specs/${main.slug}/versions/abc`, undefined, 400, 'invalid_parameter'],
				['/api/v1/nothing/here', undefined, 404, 'not_found'],
				['/api/v1/specs', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1' } }, 405, 'method_not_allowed']
			];
			for (const [path, init, status, code] of cases) {
				const response = await get(path, init);
				expect(response.status, path).toBe(status);
				expect((await response.json()).error.code, path).toBe(code);
				expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
			}
		});

		it('answers CORS preflights for conditional GETs', async () => {
			const response = await get('/api/v1/specs', {
				method: 'OPTIONS',
				headers: { Origin: 'https://issuer.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' }
			});
			expect(response.status).toBe(204);
			expect(response.headers.get('access-control-allow-origin')).toBe('*');
			expect(response.headers.get('access-control-allow-methods')).toContain('GET');
			expect(response.headers.get('access-control-allow-headers')).toMatch(/if-none-match/i);
		});

		it('serves its OpenAPI 3.1 document', async () => {
			const doc = await (await get('/api/v1/openapi.json')).json();
			expect(doc.openapi).toBe('3.1.0');
			expect(Object.keys(doc.paths)).toEqual(
				expect.arrayContaining(['/specs', '/specs/{slug}', '/specs/{slug}/versions/{number}', '/specs/{slug}/versions/{number}/spec.json'])
			);
			expect(doc.servers[0].url).toBe(`${app.url}/api/v1`);
		});

		it('marks retired courses', async () => {
			expect((await (await get(`/api/v1/specs/${retired.slug}`)).json()).retired).toBe(true);
		});
	});

	describe('course pages', () => {
		it('show the latest version with canonical URL, Open Graph tags and schema.org JSON-LD', async () => {
			const response = await get(`/c/${main.slug}`);
			expect(response.status).toBe(200);
			const html = await response.text();
			expect(html).toContain(`<link rel="canonical" href="${app.url}/c/${main.slug}"`);
			expect(html).toContain('<meta property="og:title" content="Course about plumbago, revised"');
			const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
			expect(ld).not.toBeNull();
			expect(JSON.parse(ld![1])).toMatchObject({ '@type': 'Course', name: 'Course about plumbago, revised', version: '2' });
			expect(html).toContain('Version 2');

			const old = await (await get(`/c/${main.slug}/v/1`)).text();
			expect(old).toContain('Course about plumbago');
			expect(old).toContain('See the latest version (2)');
			expect(old).toContain(`<link rel="canonical" href="${app.url}/c/${main.slug}/v/1"`);
			expect((await get(`/c/${main.slug}/v/3`)).status).toBe(404);
			expect((await get('/c/no-such-course')).status).toBe(404);

			const history = await (await get(`/c/${main.slug}/versions`)).text();
			expect(history).toContain('Clearer outcomes.');
			expect(history).toContain('First publication.');
		});

		it('render hostile rich text as nothing: no script, no event handler, no javascript: link, in page and JSON-LD', async () => {
			const html = await (await get(`/c/${hostile.slug}`)).text();
			const body = html.slice(html.indexOf('<body'));
			// No element or attribute came from the text (as text, escaped, it is harmless and shown).
			expect(html).not.toMatch(/<script>alert|<img src=x|<[^>]+\son\w+=|javascript:/i);
			expect(body).toContain('&lt;script&gt;alert(');
			expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
			expect(body).toContain('Visit summary');
			// Every rich-text field (summary, module, assessment) holds only allowlisted tags, no attribute but a safe href.
			const rich = [...body.matchAll(/<div class="rich[^"]*">(.*?)<\/div>/gs)].map((m) => m[1]);
			expect(rich).toHaveLength(4); // summary, two modules, one assessment
			for (const fragment of rich) {
				const tags = [...fragment.matchAll(/<\/?([a-z0-9]+)([^>]*)>/g)];
				for (const [, tag, attrs] of tags) {
					expect(['p', 'strong', 'em', 'u', 's', 'code', 'a', 'br', 'h3', 'ul', 'ol', 'li', 'blockquote']).toContain(tag);
					expect(attrs.replace(/\s(href="https?:[^"]*"|rel="noopener noreferrer nofollow")/g, '').trim()).toBe('');
				}
				expect(fragment).not.toContain('<script');
			}
			// The JSON-LD holds the title's "</script>" only as \u003c escapes.
			const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1];
			expect(ld).not.toContain('<');
			expect(JSON.parse(ld).name).toBe('Hostile </script><b>course</b>');
		});

		it('make a PDF on the server holding the title and every outcome', async () => {
			const response = await get(`/c/${main.slug}/v/2/pdf`);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/pdf');
			expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${main.slug}-v2.pdf"`);
			const etag = response.headers.get('etag')!;
			const text = await pdfText(response);
			expect(text).toContain('Course about plumbago, revised');
			for (const outcome of specWithWord('plumbago').learningOutcomes) expect(text).toContain(outcome.text.en);
			expect((await get(`/c/${main.slug}/v/2/pdf`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
			expect((await get(`/c/${main.slug}/v/7/pdf`)).status).toBe(404);
		});

		it('say when a course is retired', async () => {
			const html = await (await get(`/c/${retired.slug}`)).text();
			expect(html).toContain('This course is no longer offered');
		});
	});

	it('lists only published pages in sitemap.xml, and points robots.txt at it', async () => {
		const sitemap = await (await get('/sitemap.xml')).text();
		const locs = [...sitemap.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]).sort();
		expect(locs).toEqual([`${app.url}/c/${hostile.slug}`, `${app.url}/c/${main.slug}`, `${app.url}/c/${retired.slug}`, `${app.url}/catalogue`].sort());
		const robots = await (await get('/robots.txt')).text();
		expect(robots).toContain(`Sitemap: ${app.url}/sitemap.xml`);
		expect(robots).toContain('Disallow: /courses');
	});

	it('never shows unpublished words: catalogue, counts, API, sitemap, page tags, PDF', async () => {
		for (const word of ['quokkaworth', 'zephyrine', 'xanthelasma']) {
			const page = await (await get(`/catalogue?q=${word}`)).text();
			expect(page).toContain('No published courses match.');
			expect((await (await get(`/api/v1/specs?q=${word}`)).json()).total).toBe(0);
		}
		const everything = [
			await (await get('/catalogue')).text(),
			await (await get('/api/v1/specs?pageSize=100')).text(),
			await (await get('/sitemap.xml')).text(),
			await (await get(`/c/${main.slug}`)).text(),
			await (await get(`/c/${main.slug}/versions`)).text(),
			await (await get(`/api/v1/specs/${main.slug}`)).text(),
			await pdfText(await get(`/c/${main.slug}/v/2/pdf`))
		];
		for (const text of everything) expect(text).not.toMatch(UNPUBLISHED);
		expect(everything[0]).toContain('3 of 3 courses');
	});
});
