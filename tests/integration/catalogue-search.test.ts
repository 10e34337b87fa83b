import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, resetTables } from '$tests/support/db';
import { buildPublishedCourse, publishNextVersion } from '$tests/support/factories';
import {
	buildDraftWithWord,
	buildInReviewWithWord,
	editAfterPublishing,
	englishSpec,
	finnishSpec,
	paragraph,
	specWithWord
} from '$tests/support/catalogue-fixtures';
import { catalogueFacets, parseCatalogueQuery, rebuildCatalogue, searchCatalogue, type CatalogueQuery } from '$lib/server/catalogue';
import { minimalSpec, multilingualSpec } from '$lib/course-spec/fixtures';

const handle = await createTestDatabase();
const { db } = handle;

function query(params: string): CatalogueQuery {
	const parsed = parseCatalogueQuery(new URLSearchParams(params), { allowPageSize: true });
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	return parsed.query;
}
const search = (params: string) => searchCatalogue(db, query(params));
const slugs = async (params: string) => (await search(params)).items.map((i) => i.slug);
const text = (runs: { text: string }[]) => runs.map((r) => r.text).join('');

beforeEach(() => resetTables(handle));

describe('catalogue search', () => {
	it('finds a Finnish course by an inflection the stemmer misses (trigram fallback), and marks the match', async () => {
		const fi = await buildPublishedCourse(db, finnishSpec());
		await buildPublishedCourse(db, englishSpec());
		// "yrityksiä" stems to yrityks, "yritys" to yritys: full-text search alone does not relate them.
		const results = await search('q=yritys');
		expect(results.items.map((i) => i.slug)).toEqual([fi.slug]);
		const hit = results.items[0].snippet.find((run) => run.hit);
		expect(hit?.text).toBe('yrityksiä');
		// Also the other way round, and plain inflections the stemmer handles.
		expect(await slugs('q=kiertotaloutta')).toEqual([fi.slug]);
		expect(await slugs('q=yrityksille')).toEqual([fi.slug]);
	});

	it('finds a Finnish-primary course by a Swedish word in its Swedish edition, searched with the Swedish configuration', async () => {
		// fi primary, sv and en editions; the Swedish summary says "återanvändning, reparation och återvinning".
		const trilingual = await buildPublishedCourse(db, multilingualSpec());
		await buildPublishedCourse(db, englishSpec());
		// A definite form only Swedish stemming reduces to the summary's word; the snippet is the Swedish passage.
		const found = await search('q=återvinningen');
		expect(found.items.map((i) => i.slug)).toEqual([trilingual.slug]);
		expect(text(found.items[0].snippet)).toContain('Utforma produkter för återanvändning, reparation och återvinning.');
		expect(found.items[0].snippet.find((run) => run.hit)?.text).toBe('återvinning');
		expect(await slugs('q=reparationen')).toEqual([trilingual.slug]);
		// The Swedish edition is indexed in the Swedish configuration: English or Finnish stemming of the
		// same text would not relate the two forms.
		const { rows } = await sql<{ sv: boolean; en: boolean; fi: boolean }>`
			select tsv_sv @@ plainto_tsquery('swedish', 'reparationen') as sv,
				to_tsvector('english', body_sv) @@ plainto_tsquery('english', 'reparationen') as en,
				to_tsvector('finnish', body_sv) @@ plainto_tsquery('finnish', 'reparationen') as fi
			from catalogue_texts where course_id = ${trilingual.courseId}`.execute(db);
		expect(rows).toEqual([{ sv: true, en: false, fi: false }]);
		// The Finnish and English editions of the same course are searched in their own languages.
		expect(await slugs('q=kierrätykseen')).toEqual([trilingual.slug]);
		expect(await slugs('q=recycled')).toEqual([trilingual.slug]);
	});

	it('finds an English course by another form of a word (stemming)', async () => {
		const en = await buildPublishedCourse(db, englishSpec());
		await buildPublishedCourse(db, finnishSpec());
		const results = await search('q=designs');
		expect(results.items.map((i) => i.slug)).toEqual([en.slug]);
		expect(results.items[0].title).toEqual([
			{ text: 'Designing', hit: true },
			{ text: ' accessible services', hit: false }
		]);
		expect(await slugs('q=guideline')).toEqual([en.slug]);
	});

	it('ranks a title match above a course that only mentions the word, however often', async () => {
		const mentions = englishSpec('Service operations');
		mentions.summary = { en: paragraph('Robotics, robotics and robotics: robotics in services, robotics everywhere.') };
		mentions.learningOutcomes[0].text = { en: 'Use robotics in robotics-heavy services.' };
		const mentioned = await buildPublishedCourse(db, mentions);
		const titled = await buildPublishedCourse(db, englishSpec('Robotics for small firms'));
		expect(await slugs('q=robotics')).toEqual([titled.slug, mentioned.slug]);
	});

	it('understands quoted words, -word and OR', async () => {
		const a = await buildPublishedCourse(db, englishSpec('Designing accessible services'));
		const b = await buildPublishedCourse(db, englishSpec('Accessible public transport'));
		expect(await slugs('q="accessible services"')).toEqual([a.slug]);
		expect(await slugs('q=accessible -transport')).toEqual([a.slug]);
		expect((await slugs('q=transport OR designing')).sort()).toEqual([a.slug, b.slug].sort());
		expect(await slugs('q=the')).toEqual([]);
	});

	it('filters by field of study (broad fields include narrow ones), topic, EQF, ECTS, language, form and provider', async () => {
		const fi = await buildPublishedCourse(db, finnishSpec()); // 0413, EQF 6, 5 ECTS, fi, blended
		const en = await buildPublishedCourse(db, englishSpec()); // 0613, EQF 5, 2 ECTS, en, online
		expect(await slugs('field=04')).toEqual([fi.slug]);
		expect(await slugs('field=0613')).toEqual([en.slug]);
		expect(await slugs('topic=accessibility')).toEqual([en.slug]);
		expect(await slugs('eqf=6')).toEqual([fi.slug]);
		expect((await slugs('eqf=5&eqf=6')).sort()).toEqual([fi.slug, en.slug].sort());
		expect(await slugs('ectsMin=3')).toEqual([fi.slug]);
		expect(await slugs('ectsMax=2')).toEqual([en.slug]);
		expect(await slugs('lang=fi')).toEqual([fi.slug]);
		expect(await slugs('form=online')).toEqual([en.slug]);
		expect(await slugs('provider=example institute of technology')).toEqual([en.slug]);
		expect(await slugs('q=yritys&form=online')).toEqual([]);

		const facets = await catalogueFacets(db);
		expect(facets.fieldCodes.sort()).toEqual(['0413', '0613']);
		expect(facets.languages.sort()).toEqual(['en', 'fi']);
		expect(facets.eqfLevels).toEqual([5, 6]);
		expect(facets.topics.sort()).toEqual(['accessibility', 'vastuullisuus']);
	});

	it('pages through results with a stable order and a total', async () => {
		for (let i = 1; i <= 5; i++) {
			await buildPublishedCourse(db, englishSpec(`Course ${i}`), { publishedAt: new Date(Date.UTC(2026, 0, i)) });
		}
		const first = await search('pageSize=2');
		expect(first.total).toBe(5);
		expect(first.items.map((i) => text(i.title))).toEqual(['Course 5', 'Course 4']);
		expect((await search('pageSize=2&page=3')).items.map((i) => text(i.title))).toEqual(['Course 1']);
		const beyond = await search('pageSize=2&page=9');
		expect(beyond.items).toEqual([]);
		expect(beyond.total).toBe(5);
		expect((await search('sort=title&pageSize=3')).items.map((i) => text(i.title))).toEqual(['Course 1', 'Course 2', 'Course 3']);
	});

	it('shows the latest version, lists retired courses as retired (after the others)', async () => {
		const course = await buildPublishedCourse(db, englishSpec('Old title'));
		await publishNextVersion(db, course, englishSpec('Newer title'));
		const other = await buildPublishedCourse(db, englishSpec('Another course'));
		expect(await slugs('q=old')).toEqual([]);
		const [hit] = (await search('q=newer')).items;
		expect(hit).toMatchObject({ slug: course.slug, version: 2, retired: false });

		await db.updateTable('courses').set({ retired_at: new Date() }).where('id', '=', course.courseId).execute();
		const all = (await search('')).items;
		expect(all.map((i) => [i.slug, i.retired])).toEqual([
			[other.slug, false],
			[course.slug, true]
		]);
	});

	it('never shows a draft, a course in review, or edits made after publishing: not in results, counts or snippets', async () => {
		const published = await buildPublishedCourse(db, specWithWord('plumbago'));
		await buildDraftWithWord(db, 'quokkaworth');
		await buildInReviewWithWord(db, 'zephyrine');
		await editAfterPublishing(db, published, 'xanthelasma');
		for (const word of ['quokkaworth', 'zephyrine', 'xanthelasma']) {
			const results = await search(`q=${word}`);
			expect(results.total, word).toBe(0);
			expect(results.items, word).toEqual([]);
		}
		// The published course is there, with its published words only.
		const results = await search('q=plumbago');
		expect(results.total).toBe(1);
		expect(JSON.stringify(results)).not.toMatch(/quokkaworth|zephyrine|xanthelasma/);
		const everything = await search('');
		expect(everything.total).toBe(1);
		expect(JSON.stringify(everything)).not.toMatch(/quokkaworth|zephyrine|xanthelasma|Renamed/);
		expect(JSON.stringify(await catalogueFacets(db))).not.toMatch(/quokkaworth|zephyrine|xanthelasma/);
	});

	it('rebuilds the whole index from published versions', async () => {
		await buildPublishedCourse(db, finnishSpec());
		await buildPublishedCourse(db, englishSpec());
		await db.deleteFrom('catalogue_entries').execute();
		expect((await search('')).total).toBe(0);
		expect(await rebuildCatalogue(db)).toBe(2);
		expect((await search('')).total).toBe(2);
		expect((await search('q=yritys')).total).toBe(1);
	});

	it('indexes a spec that has only the mandatory elements', async () => {
		await buildPublishedCourse(db, minimalSpec());
		expect((await search('q=basics')).total).toBe(1);
	});
});
