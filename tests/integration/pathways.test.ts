import { beforeEach, describe, expect, it } from 'vitest';
import { fullSpec, minimalSpec, multilingualSpec } from '$lib/course-spec/fixtures';
import { buildExport, validate } from '$lib/server/exports';
import { sampleExportInput } from '$lib/server/exports/sample-input';
import {
	addPart,
	createPathway,
	findCandidates,
	listPathways,
	listPublicPathways,
	loadPathway,
	movePart,
	pathwayExport,
	pathwaysOfCourse,
	publicPathwaysOfCourse,
	readPublicPathway,
	removePart,
	setPathwayPublished,
	updatePathwayDetails
} from '$lib/server/pathways';
import type { PathwayDetails } from '$lib/server/pathways/schema';
import { createTestDatabase, resetTables } from '$tests/support/db';
import { buildPublishedCourse, publishNextVersion } from '$tests/support/factories';
import { buildDraftWithWord, englishSpec } from '$tests/support/catalogue-fixtures';
import { buildPerson } from '$tests/support/review';

// Pathways against a real database: who may build them, parts (published courses only, latest
// version, retired shown), totals and the 60 ECTS flag, publishing, the public reads (drafts never
// leak) and the ELM export built from the stored versions.

const handle = await createTestDatabase();
const { db } = handle;
const ORIGIN = 'https://courses.example.org';

const details = (overrides: Partial<PathwayDetails> = {}): PathwayDetails => ({
	title: 'Sustainable manufacturing',
	slug: 'sustainable-manufacturing',
	description: 'Short courses towards circular production.',
	language: 'en',
	requirement: 'all',
	requiredCount: null,
	...overrides
});

const withEcts = (ects: number, title: string) => {
	const spec = englishSpec(title);
	spec.ectsCredits = ects;
	return spec;
};

beforeEach(() => resetTables(handle));

async function setting() {
	const coordinator = await buildPerson(db, 'Coordinator', 'coordinator');
	const member = await buildPerson(db, 'Member');
	const admin = await buildPerson(db, 'Admin', 'admin');
	return { coordinator, member, admin };
}

describe('building a pathway', () => {
	it('is for coordinators and admins only', async () => {
		const { coordinator, member, admin } = await setting();
		await expect(createPathway(db, member, details())).rejects.toMatchObject({ code: 'forbidden' });
		await expect(createPathway(db, null, details())).rejects.toMatchObject({ code: 'forbidden' });
		const { id } = await createPathway(db, coordinator, details());
		await expect(listPathways(db, member)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(loadPathway(db, member, id)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(setPathwayPublished(db, member, id, true)).rejects.toMatchObject({ code: 'forbidden' });
		// Another coordinator, or an admin, edits it too: pathways belong to the institution.
		await updatePathwayDetails(db, admin, id, details({ title: 'Renamed' }));
		expect((await loadPathway(db, coordinator, id)).title).toBe('Renamed');
	});

	it('refuses an address another pathway has, naming the field', async () => {
		const { coordinator } = await setting();
		await createPathway(db, coordinator, details());
		await expect(createPathway(db, coordinator, details())).rejects.toMatchObject({ code: 'conflict', field: 'slug' });
	});

	it('takes published courses only, shows their latest version, and keeps their order', async () => {
		const { coordinator } = await setting();
		const { id } = await createPathway(db, coordinator, details());
		const a = await buildPublishedCourse(db, withEcts(5, 'Circular design'));
		const b = await buildPublishedCourse(db, withEcts(3, 'Life-cycle assessment'));
		const c = await buildPublishedCourse(db, withEcts(2, 'Repair economics'));
		const draftId = await buildDraftWithWord(db, 'quokkaworth');
		await expect(addPart(db, coordinator, id, draftId)).rejects.toMatchObject({ code: 'invalid', field: 'courseId' });
		for (const course of [a, b, c]) await addPart(db, coordinator, id, course.courseId);
		await expect(addPart(db, coordinator, id, a.courseId)).rejects.toMatchObject({ code: 'conflict' });
		await publishNextVersion(db, b, withEcts(4, 'Life-cycle assessment, revised'));

		await movePart(db, coordinator, id, c.courseId, 'up');
		await movePart(db, coordinator, id, a.courseId, 'up'); // already first: nothing happens
		let pathway = await loadPathway(db, coordinator, id);
		expect(pathway.parts.map((p) => [p.title, p.version, p.ects])).toEqual([
			['Circular design', 1, 5],
			['Repair economics', 1, 2],
			['Life-cycle assessment, revised', 2, 4]
		]);
		expect(pathway.totals).toMatchObject({ sum: 11, required: { min: 11, max: 11 }, flag: null });

		await removePart(db, coordinator, id, c.courseId);
		pathway = await loadPathway(db, coordinator, id);
		expect(pathway.parts.map((p) => p.slug)).toEqual([a.slug, b.slug]);
		// The draft is never offered, nor what is already a part.
		const candidates = await findCandidates(db, coordinator, id, '');
		expect(candidates.map((x) => x.slug)).toEqual([c.slug]);
		expect((await findCandidates(db, coordinator, id, 'repair econ')).map((x) => x.slug)).toEqual([c.slug]);
		expect(await findCandidates(db, coordinator, id, 'quokkaworth')).toEqual([]);
	});

	it('flags a pathway that reaches 60 ECTS, counting "N of M" honestly', async () => {
		const { coordinator } = await setting();
		const { id } = await createPathway(db, coordinator, details());
		for (const [ects, title] of [[30, 'Big one'], [25, 'Big two'], [5, 'Small one']] as const) {
			await addPart(db, coordinator, id, (await buildPublishedCourse(db, withEcts(ects, title))).courseId);
		}
		expect((await loadPathway(db, coordinator, id)).totals.flag?.kind).toBe('required');
		await updatePathwayDetails(db, coordinator, id, details({ requirement: 'some', requiredCount: 2 }));
		const some = (await loadPathway(db, coordinator, id)).totals;
		// Two of 30, 25 and 5: at least 30 ECTS, at most 55: below a degree's size.
		expect(some).toMatchObject({ sum: 60, required: { min: 30, max: 55 }, flag: null });
	});
});

describe('publishing a pathway', () => {
	it('needs two parts and a requirement they can meet, and keeps them while published', async () => {
		const { coordinator } = await setting();
		const { id } = await createPathway(db, coordinator, details({ requirement: 'some', requiredCount: 3 }));
		const a = await buildPublishedCourse(db, withEcts(5, 'Circular design'));
		await addPart(db, coordinator, id, a.courseId);
		await expect(setPathwayPublished(db, coordinator, id, true)).rejects.toMatchObject({ code: 'invalid' });
		const b = await buildPublishedCourse(db, withEcts(3, 'Life-cycle assessment'));
		await addPart(db, coordinator, id, b.courseId);
		await expect(setPathwayPublished(db, coordinator, id, true)).rejects.toMatchObject({ field: 'requiredCount' });
		await updatePathwayDetails(db, coordinator, id, details({ requirement: 'some', requiredCount: 1 }));
		await setPathwayPublished(db, coordinator, id, true);
		await expect(removePart(db, coordinator, id, a.courseId)).rejects.toMatchObject({ code: 'invalid' });
		await expect(updatePathwayDetails(db, coordinator, id, details({ requirement: 'some', requiredCount: 3 }))).rejects.toMatchObject({ field: 'requiredCount' });
		// The address is fixed from the first publication on, even after unpublishing.
		await setPathwayPublished(db, coordinator, id, false);
		await expect(updatePathwayDetails(db, coordinator, id, details({ slug: 'elsewhere' }))).rejects.toMatchObject({ field: 'slug' });
	});

	it('shows only published pathways in public, and a retired part as retired', async () => {
		const { coordinator } = await setting();
		const a = await buildPublishedCourse(db, withEcts(5, 'Circular design'));
		const b = await buildPublishedCourse(db, withEcts(3, 'Life-cycle assessment'));
		const { id } = await createPathway(db, coordinator, details());
		const draft = await createPathway(db, coordinator, details({ slug: 'draft-pathway', title: 'Secret draft' }));
		for (const pid of [id, draft.id]) for (const c of [a, b]) await addPart(db, coordinator, pid, c.courseId);

		expect(await readPublicPathway(db, 'sustainable-manufacturing')).toBeNull();
		await setPathwayPublished(db, coordinator, id, true);
		await db.updateTable('courses').set({ retired_at: new Date() }).where('id', '=', b.courseId).execute();

		const shown = await readPublicPathway(db, 'sustainable-manufacturing');
		expect(shown?.parts.map((p) => [p.slug, p.retired])).toEqual([
			[a.slug, false],
			[b.slug, true]
		]);
		expect(await readPublicPathway(db, 'draft-pathway')).toBeNull();
		expect((await listPublicPathways(db)).map((p) => p.slug)).toEqual(['sustainable-manufacturing']);
		expect(await publicPathwaysOfCourse(db, a.slug)).toEqual([{ slug: 'sustainable-manufacturing', title: 'Sustainable manufacturing', language: 'en' }]);
		expect((await pathwaysOfCourse(db, a.courseId, ORIGIN)).map((p) => p.url)).toEqual([`${ORIGIN}/p/sustainable-manufacturing`]);

		await setPathwayPublished(db, coordinator, id, false);
		expect(await readPublicPathway(db, 'sustainable-manufacturing')).toBeNull();
		expect(await publicPathwaysOfCourse(db, a.slug)).toEqual([]);
		expect(await pathwaysOfCourse(db, a.courseId, ORIGIN)).toEqual([]);
	});
});

describe('the pathway export from stored versions', () => {
	it('validates with zero violations, and so do its courses’ ELM exports pointing to it', { timeout: 120_000 }, async () => {
		const { coordinator } = await setting();
		await db.updateTable('provider_profile').set({ organisation_name: 'Example UAS', country: 'FI', website: 'https://www.example.fi' }).execute();
		const a = await buildPublishedCourse(db, fullSpec());
		const b = await buildPublishedCourse(db, multilingualSpec());
		const { id } = await createPathway(db, coordinator, details());
		for (const c of [a, b]) await addPart(db, coordinator, id, c.courseId);
		expect(await pathwayExport(db, 'sustainable-manufacturing', ORIGIN)).toBeNull();
		await setPathwayPublished(db, coordinator, id, true);

		const file = (await pathwayExport(db, 'sustainable-manufacturing', ORIGIN))!;
		const document = JSON.parse(file.body);
		expect((await validate('elmLearningOpportunity', document)).violations).toEqual([]);
		expect(document.learningAchievementSpecification.hasPart.map((p: { id: string }) => p.id)).toEqual([
			`${ORIGIN}/c/${a.slug}/v/1#qualification`,
			`${ORIGIN}/c/${b.slug}/v/1#qualification`
		]);
		const [reference] = await pathwaysOfCourse(db, a.courseId, ORIGIN);
		expect(reference.reference).toMatchObject({ id: `${ORIGIN}/p/sustainable-manufacturing#qualification`, type: 'Qualification' });
		expect(reference.reference).not.toHaveProperty('hasPart');
		const course = sampleExportInput(fullSpec(), { partOf: { pathways: [reference] } });
		for (const format of ['elmLearningOpportunity', 'elmCredentialTemplate'] as const) {
			expect((await validate(format, JSON.parse(buildExport(format, course).body))).violations, format).toEqual([]);
		}
	});

	it('works for parts without levels too (a LearningAchievementSpecification)', { timeout: 60_000 }, async () => {
		const { coordinator } = await setting();
		await db.updateTable('provider_profile').set({ organisation_name: 'Example UAS', country: 'FI', website: 'https://www.example.fi' }).execute();
		const { id } = await createPathway(db, coordinator, details());
		for (const spec of [minimalSpec(), fullSpec()]) await addPart(db, coordinator, id, (await buildPublishedCourse(db, spec)).courseId);
		await setPathwayPublished(db, coordinator, id, true);
		const document = JSON.parse((await pathwayExport(db, 'sustainable-manufacturing', ORIGIN))!.body);
		expect(document.learningAchievementSpecification.type).toBe('LearningAchievementSpecification');
		expect((await validate('elmLearningOpportunity', document)).violations).toEqual([]);
	});
});
