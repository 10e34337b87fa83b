import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { multilingualSpec } from '$lib/course-spec/fixtures';
import type { RunningApp } from '$tests/support/app-server';
import { ensureProductionBuild } from '$tests/support/production-build';
import { startSeededApp } from '$tests/support/seeded-app';
import { buildPublishedCourse, type PublishedCourse } from '$tests/support/factories';
import { englishSpec } from '$tests/support/catalogue-fixtures';

// A course written in Finnish (primary), Swedish and English, read over real HTTP from the production
// server: which edition a reader gets, the links between editions, and the PDF in each language.

async function pdfText(response: Response): Promise<string> {
	const doc = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
	return (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ');
}

const titleOf = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
const h1Lang = (html: string) => /<h1 lang="([^"]*)"/.exec(html)?.[1];
/** The lang attribute of the last element opened before `text` in the page's body (its enclosing one here). */
const langOf = (html: string, text: string) => {
	const body = html.slice(html.indexOf('<body'));
	const before = body.slice(0, body.indexOf(text));
	return [...before.matchAll(/<\w+ [^>]*\blang="([^"]+)"/g)].at(-1)?.[1];
};

describe.skipIf(process.env.TEST_DB === 'postgres')('public pages in every language', () => {
	let app: RunningApp;
	let course: PublishedCourse;
	let single: PublishedCourse;
	const get = (path: string, init?: RequestInit) => fetch(`${app.url}${path}`, init);
	const page = async (path: string, acceptLanguage?: string) => {
		const response = await get(path, acceptLanguage ? { headers: { 'Accept-Language': acceptLanguage } } : undefined);
		expect(response.status).toBe(200);
		return { response, html: (await response.text()).replace(/<!--[^>]*-->/g, '') };
	};

	beforeAll(async () => {
		await ensureProductionBuild();
		const started = await startSeededApp(async (db) => {
			const spec = multilingualSpec();
			// One text not yet translated into Swedish: the Swedish page shows the Finnish one, marked fi.
			delete spec.prerequisites.sv;
			const course = await buildPublishedCourse(db, spec, { slug: 'kiertotalous' });
			const single = await buildPublishedCourse(db, englishSpec('Only in English'), { slug: 'only-english' });
			return { course, single };
		});
		app = started.app;
		({ course, single } = started.seeded);
	}, 300_000);
	afterAll(async () => {
		await app?.stop();
	});

	it('negotiates the plain address from Accept-Language, and says so to caches', async () => {
		const swedish = await page(`/c/${course.slug}`, 'sv-FI,sv;q=0.9,en;q=0.5');
		expect(titleOf(swedish.html)).toBe('Cirkulär produktdesign');
		expect(h1Lang(swedish.html)).toBe('sv');
		expect(swedish.response.headers.get('vary')).toMatch(/Accept-Language/i);
		expect(titleOf((await page(`/c/${course.slug}`, 'en-GB')).html)).toBe('Circular Product Design');
		// A language the course lacks, or none at all: the primary language.
		expect(titleOf((await page(`/c/${course.slug}`, 'de-DE,de;q=0.9')).html)).toBe('Kiertotalouden tuotesuunnittelu');
		expect(titleOf((await page(`/c/${course.slug}`)).html)).toBe('Kiertotalouden tuotesuunnittelu');
	});

	it('gives each edition its own address, ?lang=, which wins over Accept-Language', async () => {
		const { response, html } = await page(`/c/${course.slug}?lang=en`, 'sv');
		expect(titleOf(html)).toBe('Circular Product Design');
		expect(response.headers.get('vary') ?? '').not.toMatch(/Accept-Language/i);
		// The Finnish edition too, for a Swedish browser following the switcher.
		expect(titleOf((await page(`/c/${course.slug}?lang=fi`, 'sv')).html)).toBe('Kiertotalouden tuotesuunnittelu');
		const missing = await page(`/c/${course.slug}?lang=de`);
		expect(titleOf(missing.html)).toBe('Kiertotalouden tuotesuunnittelu');
		expect(missing.html).toContain('This course has no description in “de”');
		expect(titleOf((await page(`/c/${course.slug}/v/1?lang=sv`)).html)).toBe('Cirkulär produktdesign');
	});

	it('links the editions with hreflang alternates, a self canonical and a language switcher', async () => {
		const { html } = await page(`/c/${course.slug}?lang=sv`);
		const base = `${app.url}/c/${course.slug}`;
		expect(html).toContain(`<link rel="canonical" href="${base}?lang=sv"`);
		// The primary edition's address for search engines is the course's own (they send no Accept-Language).
		expect(html).toContain(`<link rel="alternate" hreflang="fi" href="${base}"`);
		for (const lang of ['sv', 'en']) expect(html).toContain(`<link rel="alternate" hreflang="${lang}" href="${base}?lang=${lang}"`);
		expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${base}"`);
		expect((await page(`/c/${course.slug}?lang=fi`, 'sv')).html).toContain(`<link rel="canonical" href="${base}"`);
		// The switcher names every edition by its own address, the primary one too.
		expect(html).toContain(`href="${base}?lang=fi" hreflang="fi"`);
		const nav = /<nav class="editions[^"]*" aria-label="Language of the course description">(.*?)<\/nav>/s.exec(html)?.[1] ?? '';
		expect([...nav.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1])).toEqual(['suomi', 'svenska', 'English']);
		expect(nav).toMatch(/hreflang="sv" lang="sv" aria-current="page"[^>]*>svenska/);
		expect(nav).not.toMatch(/hreflang="fi"[^>]*aria-current/);
		// Texts carry their language; one without a Swedish translation is shown in Finnish and marked so.
		expect(langOf(html, 'Tuotekehityksen perustiedot.')).toBe('fi');
		expect(langOf(html, 'Produktdesigner och ingenjörer i tillverkande företag.')).toBe('sv');
		expect(langOf(html, 'Kan jämföra material utifrån deras livscykelpåverkan.')).toBe('sv');
		expect(html).toContain('Some texts are not yet written in <span lang="sv">svenska</span>');
		expect(html).toContain(`href="${base}/v/1/pdf?lang=sv"`);
	});

	it('a course in one language keeps one address, with no alternates or switcher', async () => {
		const { response, html } = await page(`/c/${single.slug}`, 'sv');
		expect(html).toContain(`<link rel="canonical" href="${app.url}/c/${single.slug}"`);
		expect(html).not.toContain('hreflang="x-default"');
		expect(html).not.toContain('Language of the course description');
		expect(response.headers.get('vary') ?? '').not.toMatch(/Accept-Language/i);
	});

	it('makes the PDF in each language, the primary one without ?lang=', async () => {
		const swedish = await get(`/c/${course.slug}/v/1/pdf?lang=sv`);
		expect(swedish.status).toBe(200);
		expect(swedish.headers.get('content-language')).toBe('sv');
		expect(swedish.headers.get('content-disposition')).toContain(`${course.slug}-v1.sv.pdf`);
		const text = await pdfText(swedish);
		expect(text).toContain('Cirkulär produktdesign');
		expect(text).toContain('Kan jämföra material utifrån deras livscykelpåverkan.');
		const finnish = await get(`/c/${course.slug}/v/1/pdf`);
		expect(finnish.headers.get('content-language')).toBe('fi');
		const finnishText = await pdfText(finnish);
		expect(finnishText).toContain('Kiertotalouden tuotesuunnittelu');
		// The PDF's own words follow its edition, whoever asks (this request has no interface language).
		expect(text).toContain('Lärandemål');
		expect(text).toContain('Målgrupp'); // a field label, from the Swedish field definitions
		expect(text).not.toContain('Learning outcomes');
		expect(finnishText).toContain('Osaamistavoitteet');
		expect(swedish.headers.get('etag')).not.toBe(finnish.headers.get('etag'));
		expect((await get(`/c/${course.slug}/v/1/pdf?lang=de`)).status).toBe(404);
	});

	it('words the document in the edition’s language and the page’s controls in the reader’s', async () => {
		// A Finnish reader opens the Swedish edition: Swedish specification, Finnish buttons and notices.
		const { html } = await page(`/c/${course.slug}?lang=sv`, 'fi');
		expect(html).toMatch(/<html lang="fi"/);
		expect(html).toContain('<div class="document" lang="sv">');
		expect(html).toContain('>Lärandemål</h2>');
		expect(html).toContain('Efter avslutad kurs kan den studerande:');
		expect(html).toContain('>Lataa PDF</a>');
		expect(html).toContain('Osaa teksteistä ei ole vielä kirjoitettu kielellä <span lang="sv">svenska</span>');
		expect(html).toContain('aria-label="Opintojakson kuvauksen kieli"');
		expect(html).not.toContain('Learning outcomes');
		expect(html).not.toContain('Download PDF');
	});
});
