import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '$lib/course-spec/canonical-json';
import { fullSpec, multilingualSpec } from '$lib/course-spec/fixtures';
import type { CourseSpec } from '$lib/course-spec/types';
import { CREDENTIAL_FORMATS, badgeFile, exportFile, uploadCourseBadge, useGeneratedBadge, type CredentialFormat } from '$lib/server/credential-exports';
import { badgePng, validate } from '$lib/server/exports';
import { generateId } from '$lib/server/ids';
import { addPart, createPathway, setPathwayPublished } from '$lib/server/pathways';
import type { Actor } from '$lib/server/policy';
import { checkForPublishing, loadPublishPage, publishCourse, validateForPublishing } from '$lib/server/publishing';
import { approveSubmission, loadReviewPage, submitForReview } from '$lib/server/review';
import { updateProviderProfile } from '$lib/server/settings';
import { createTestDatabase } from '$tests/support/db';
import { buildCompleteCourse, buildPerson, domainErrorOf, editSpec, loggingMail } from '$tests/support/review';
import { withoutLive } from '$lib/server/live-context';

// The exports as the product serves them: built from what was frozen at publication, the same bytes
// every time, every one valid; the publish gate that refuses what would not validate; badge uploads.

const { db } = await createTestDatabase();
const mail = loggingMail('https://courses.test');
const ORIGIN = 'https://courses.test';
let admin: Actor;
let coordinator: Actor;
let owner: Actor;
let editor: Actor;

beforeAll(async () => {
	admin = await buildPerson(db, 'Ada Admin', 'admin');
	coordinator = await buildPerson(db, 'Cai Coordinator', 'coordinator');
	owner = await buildPerson(db, 'Liisa Lecturer');
	editor = await buildPerson(db, 'Eero Editor');
	await updateProviderProfile(db, admin, {
		organisationName: 'Example University of Applied Sciences',
		country: 'FI',
		website: 'https://www.example.fi',
		qaStatement: '',
		hoursPerEcts: 27
	});
});

const replace = (spec: CourseSpec, by: CourseSpec) => {
	for (const key of Object.keys(spec)) delete (spec as unknown as Record<string, unknown>)[key];
	Object.assign(spec, structuredClone(by));
};

/** A course with `spec` submitted, approved and published as v1. */
async function publishedWith(title: string, spec: CourseSpec) {
	const id = await buildCompleteCourse(db, owner, title, (s) => replace(s, { ...spec, title: { ...spec.title, en: title } }));
	await submitForReview(withoutLive(db), owner, id, { note: 'Ready.' }, mail);
	await approveSubmission(withoutLive(db), coordinator, id, {}, mail);
	const published = await publishCourse(withoutLive(db), coordinator, id, { changeNotes: '' }, mail);
	return { id, ...published };
}

const text = (body: Uint8Array) => new TextDecoder().decode(body);

async function served(slug: string, format: CredentialFormat, lang: string | null = null) {
	const result = await exportFile(db, slug, 1, format, lang, ORIGIN);
	if (!result.ok) throw new Error(result.message);
	return result.file;
}

describe('exports of a published version', () => {
	let slug: string;
	beforeAll(async () => {
		({ slug } = await publishedWith('Circular product design', multilingualSpec()));
	});

	it('every export validates with zero violations, in every language edition', async () => {
		for (const format of CREDENTIAL_FORMATS) {
			const languages = format.startsWith('ob3') ? ['fi', 'sv', 'en'] : [null];
			for (const lang of languages) {
				const file = await served(slug, format, lang);
				const result = await validate(format, JSON.parse(text(file.body)));
				expect(result.violations, `${format} ${lang}`).toEqual([]);
			}
		}
	});

	it('are the same bytes every time, with an ETag from their hash, ids at this version’s addresses and the badge as OB 3.0 image', async () => {
		const first = await served(slug, 'ob3Achievement');
		const again = await served(slug, 'ob3Achievement');
		expect(again.body).toEqual(first.body);
		expect(first.etag).toMatch(/^"[0-9a-f]{32}"$/);
		expect(first.filename).toBe(`${slug}-v1.ob3-achievement.json`);
		const achievement = JSON.parse(text(first.body));
		expect(achievement.id).toBe(`${ORIGIN}/api/v1/specs/${slug}/versions/1/exports/ob3-achievement`);
		expect(achievement.image).toMatchObject({ id: `${ORIGIN}/api/v1/specs/${slug}/versions/1/badge.png`, type: 'Image' });
		expect(achievement.criteria.id).toBe(`${ORIGIN}/c/${slug}/v/1`);
		expect(achievement.creator.name).toBe('Esimerkkiammattikorkeakoulu');
		const swedish = JSON.parse(text((await served(slug, 'ob3Achievement', 'sv')).body));
		expect(swedish).toMatchObject({ inLanguage: 'sv', name: 'Cirkulär produktdesign' });
		expect((await exportFile(db, slug, 1, 'ob3Achievement', 'de', ORIGIN)).ok).toBe(false);
		expect((await exportFile(db, slug, 2, 'ob3Achievement', null, ORIGIN)).ok).toBe(false);
	});

	it('keep the provider frozen at publication when the profile changes later', async () => {
		const before = await served(slug, 'elmLearningOpportunity');
		await updateProviderProfile(db, admin, { organisationName: 'Renamed University', country: 'SE', website: 'https://renamed.example', qaStatement: '', hoursPerEcts: 27 });
		try {
			const after = await served(slug, 'elmLearningOpportunity');
			expect(text(after.body)).toBe(text(before.body));
			expect(text(after.body)).not.toContain('Renamed University');
		} finally {
			await updateProviderProfile(db, admin, { organisationName: 'Example University of Applied Sciences', country: 'FI', website: 'https://www.example.fi', qaStatement: '', hoursPerEcts: 27 });
		}
	});

	it('carry the published pathways the course joins later, and still validate', async () => {
		const { id } = await db.selectFrom('courses').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
		const before = await served(slug, 'elmLearningOpportunity');
		expect(text(before.body)).not.toContain('isPartOf');
		const pathway = await createPathway(db, coordinator, {
			title: 'Sustainable manufacturing',
			slug: 'sustainable-manufacturing',
			description: 'Short courses towards circular production.',
			language: 'en',
			requirement: 'all',
			requiredCount: null
		});
		await addPart(db, coordinator, pathway.id, id);
		await addPart(db, coordinator, pathway.id, (await publishedWith('Life-cycle assessment basics', fullSpec())).id);
		await setPathwayPublished(db, coordinator, pathway.id, true);
		const after = await served(slug, 'elmLearningOpportunity');
		expect(text(after.body)).toContain(`${ORIGIN}/p/sustainable-manufacturing`);
		expect(after.etag).not.toBe(before.etag);
		const achievement = JSON.parse(text((await served(slug, 'ob3Achievement')).body));
		expect(achievement.alignment).toContainEqual(expect.objectContaining({ targetName: 'Sustainable manufacturing', targetType: 'ceterms:Credential' }));
		for (const format of CREDENTIAL_FORMATS) {
			expect((await validate(format, JSON.parse(text((await served(slug, format)).body)))).violations, format).toEqual([]);
		}
	});

	it('has a generated 600×600 badge PNG and SVG, stable', async () => {
		const png = await badgeFile(db, slug, 1, 'png', ORIGIN);
		const svg = await badgeFile(db, slug, 1, 'svg', ORIGIN);
		if (!png.ok || !svg.ok) throw new Error('no badge');
		expect(png.file.contentType).toBe('image/png');
		const view = new DataView(png.file.body.buffer, png.file.body.byteOffset);
		expect([view.getUint32(16), view.getUint32(20)]).toEqual([600, 600]);
		expect(text(svg.file.body)).toContain('Kiertotalouden tuotesuunnittelu');
		const again = await badgeFile(db, slug, 1, 'png', ORIGIN);
		expect(again.ok && again.file.etag).toBe(png.file.etag);
	});
});

describe('the publish gate', () => {
	// A real case: a course with an EQF and a national level is exported as an ELM Qualification,
	// whose LOQ shape requires an ISCED-F field of study, which no EU mandatory element asks for.
	const withoutField = () => {
		const spec = fullSpec();
		spec.fieldOfStudy = null;
		return spec;
	};

	it('passes the spec checks but refuses the exports, naming the field, the rule and the export', async () => {
		expect(validateForPublishing(withoutField()).ok).toBe(true);
		const check = await checkForPublishing(db, withoutField(), { courseId: generateId(), slug: 'gate', number: 1, origin: ORIGIN });
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.problems).toContainEqual(
			expect.objectContaining({
				kind: 'export',
				label: 'Field of study',
				message: 'Choose the ISCED-F field of study (ELM requires one).',
				anchor: 'field-fieldOfStudy',
				rules: expect.arrayContaining([expect.stringMatching(/MinCount/)]),
				exports: expect.arrayContaining(['Europass learning opportunity (ELM)'])
			})
		);
	});

	it('keeps the owner from submitting, and says so on the review page', async () => {
		const id = await buildCompleteCourse(db, owner, 'No field of study', (s) => replace(s, { ...withoutField(), title: { en: 'No field of study' } }));
		const page = await loadReviewPage(withoutLive(db), owner, id, ORIGIN);
		expect(page.readiness?.problems.map((p) => [p.kind, p.label])).toContainEqual(['export', 'Field of study']);
		const refused = await domainErrorOf(submitForReview(withoutLive(db), owner, id, { note: 'Ready.' }, mail));
		expect(refused).toMatchObject({ code: 'invalid', message: expect.stringContaining('Field of study') });
		await editSpec(db, id, owner.id, (s) => {
			s.fieldOfStudy = 'http://data.europa.eu/snb/isced-f/0788';
		});
		expect((await loadReviewPage(withoutLive(db), owner, id, ORIGIN)).readiness?.problems).toEqual([]);
		await submitForReview(withoutLive(db), owner, id, { note: 'Ready.' }, mail);
	});

	it('keeps a coordinator from publishing an approved submission whose exports fail, without giving it an address', async () => {
		// Approved before the gate existed: the submission row is written as it was then.
		const id = await buildCompleteCourse(db, owner, 'Approved long ago');
		const state = (await db.selectFrom('course_doc_updates').select('update').where('course_id', '=', id).executeTakeFirstOrThrow()).update;
		await db
			.insertInto('course_reviews')
			.values({
				id: generateId(),
				course_id: id,
				submitted_by: owner.id,
				state,
				spec: JSON.stringify({ ...withoutField(), title: { en: 'Approved long ago' } }),
				decided_by: coordinator.id,
				decided_at: new Date(),
				decision: 'approved'
			})
			.execute();
		await db.updateTable('courses').set({ status: 'approved' }).where('id', '=', id).execute();
		const page = await loadPublishPage(db, coordinator, id, ORIGIN);
		expect(page.approved?.problems).toContainEqual(expect.objectContaining({ kind: 'export', label: 'Field of study', anchor: 'field-fieldOfStudy' }));
		const refused = await domainErrorOf(publishCourse(withoutLive(db), coordinator, id, { changeNotes: '' }, mail));
		expect(refused).toMatchObject({ code: 'conflict', message: expect.stringContaining('Field of study: Choose the ISCED-F field of study') });
		const course = await db.selectFrom('courses').select(['slug', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
		expect(course).toEqual({ slug: null, status: 'approved' });
		expect(await db.selectFrom('published_versions').select('id').where('course_id', '=', id).execute()).toEqual([]);
	});
});

describe('badge uploads', () => {
	const svgOf = (width: number, height: number, extra = '') =>
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${extra}<circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#c0392b"/></svg>`;
	const file = (name: string, body: string | Uint8Array, type = '') => ({
		name,
		type,
		bytes: typeof body === 'string' ? new TextEncoder().encode(body) : body
	});

	it('refuses what is not a usable badge, with a message for the field, and lets only owners upload', async () => {
		const id = await buildCompleteCourse(db, owner, 'Badge refusals');
		const cases: [ReturnType<typeof file>, RegExp][] = [
			[file('notes.txt', 'just some text'), /neither a PNG nor an SVG/],
			[file('wide.png', badgePng(svgOf(600, 300))), /must be square/],
			[file('tiny.png', badgePng(svgOf(600, 600)).slice(0, 0)), /Choose a PNG or SVG/],
			[file('big.png', new Uint8Array(500 * 1024).fill(1)), /at most 400 KiB/],
			[file('entity.svg', '<!DOCTYPE svg [<!ENTITY x "boom">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'), /The SVG cannot be used/]
		];
		for (const [upload, message] of cases) {
			expect(await domainErrorOf(uploadCourseBadge(db, owner, id, upload)), upload.name).toMatchObject({ code: 'invalid', field: 'badge', message: expect.stringMatching(message) });
		}
		await db.insertInto('course_members').values({ course_id: id, user_id: editor.id, role: 'editor', perspective: 'lecturer' }).execute();
		expect(await domainErrorOf(uploadCourseBadge(db, editor, id, file('ok.svg', svgOf(600, 600))))).toMatchObject({ code: 'forbidden' });
		expect(await domainErrorOf(uploadCourseBadge(db, coordinator, id, file('ok.svg', svgOf(600, 600))))).toMatchObject({ code: 'not_found' });
		expect((await db.selectFrom('courses').select('badge_id').where('id', '=', id).executeTakeFirstOrThrow()).badge_id).toBeNull();
	});

	it('stores a sanitised SVG, which versions published after it carry; earlier versions keep theirs', async () => {
		const first = await publishedWith('Badge applies later', fullSpec());
		const hostile = svgOf(600, 600, '<script>alert(1)</script><a href="https://evil.example"><rect width="10" height="10"/></a><image href="https://evil.example/x.png"/>');
		const stored = await uploadCourseBadge(db, owner, first.id, file('mine.svg', hostile, 'image/svg+xml'));
		expect(stored.contentType).toBe('image/svg+xml');
		expect(stored.removed).toEqual(expect.arrayContaining(['<script>', '<image>']));
		const row = await db.selectFrom('course_badges').select(['bytes', 'content_type']).where('course_id', '=', first.id).executeTakeFirstOrThrow();
		const kept = text(new Uint8Array(row.bytes));
		expect(kept).not.toMatch(/script|evil\.example|<image/);
		expect(kept).toContain('#c0392b');

		// v1 keeps the generated badge.
		const v1 = await badgeFile(db, first.slug, 1, 'svg', ORIGIN);
		expect(v1.ok && text(v1.file.body)).toContain('MICRO-CREDENTIAL');

		await editSpec(db, first.id, owner.id, (s) => {
			s.learningOutcomes[0].text.en = 'Apply circular-design principles to two products.';
		});
		await submitForReview(withoutLive(db), owner, first.id, { note: 'v2', changeNotes: 'Two products.' }, mail);
		await approveSubmission(withoutLive(db), coordinator, first.id, {}, mail);
		await publishCourse(withoutLive(db), coordinator, first.id, { changeNotes: 'Two products.' }, mail);
		const v2svg = await badgeFile(db, first.slug, 2, 'svg', ORIGIN);
		expect(v2svg.ok && text(v2svg.file.body)).toBe(kept);
		const v2png = await badgeFile(db, first.slug, 2, 'png', ORIGIN);
		expect(v2png.ok && v2png.file.contentType).toBe('image/png');
		// Replacing it again and again keeps only what is used: v2's SVG and the newest upload.
		const badgesOf = async () => (await db.selectFrom('course_badges').select('content_type').where('course_id', '=', first.id).execute()).map((b) => b.content_type).sort();
		await uploadCourseBadge(db, owner, first.id, file('one.png', badgePng(svgOf(300, 300)), 'image/png'));
		await uploadCourseBadge(db, owner, first.id, file('two.png', badgePng(svgOf(400, 400)), 'image/png'));
		expect(await badgesOf()).toEqual(['image/png', 'image/svg+xml']);
		// Going back to the generated badge changes nothing published.
		await useGeneratedBadge(db, owner, first.id);
		expect(await badgesOf()).toEqual(['image/svg+xml']);
		const still = await badgeFile(db, first.slug, 2, 'svg', ORIGIN);
		expect(still.ok && text(still.file.body)).toBe(kept);
	});

	it('serves an uploaded PNG as it was sent, and no SVG for it', async () => {
		const id = await buildCompleteCourse(db, owner, 'PNG badge', (s) => replace(s, { ...fullSpec(), title: { en: 'PNG badge' } }));
		const png = badgePng(svgOf(400, 400));
		await uploadCourseBadge(db, owner, id, file('badge.png', png, 'image/png'));
		await submitForReview(withoutLive(db), owner, id, { note: 'Ready.' }, mail);
		await approveSubmission(withoutLive(db), coordinator, id, {}, mail);
		const { slug } = await publishCourse(withoutLive(db), coordinator, id, { changeNotes: '' }, mail);
		const served = await badgeFile(db, slug, 1, 'png', ORIGIN);
		expect(served.ok && canonicalJson([...served.file.body])).toBe(canonicalJson([...png]));
		const svg = await badgeFile(db, slug, 1, 'svg', ORIGIN);
		expect(svg).toMatchObject({ ok: false, status: 404 });
	});
});
