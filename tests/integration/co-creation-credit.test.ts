import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { createThread } from '$lib/server/comments';
import { coCreationSetting, setCoCreationShown } from '$lib/server/contributions';
import type { Actor } from '$lib/server/policy';
import { coursePdf, loadCoursePage } from '$lib/server/public-pages';
import { publishCourse } from '$lib/server/publishing';
import { approveSubmission, submitForReview } from '$lib/server/review';
import { createTestDatabase } from '$tests/support/db';
import { addMember } from '$tests/support/factories';
import { buildCompleteCourse, buildPerson, domainErrorOf, editSpec, loggingMail } from '$tests/support/review';
import { withoutLive } from '$lib/server/live-context';

// "Co-created with N students and M company partners" on the public page and its PDF: shown only
// when an owner chooses; each version shows the figure counted when it was published.

const { db } = await createTestDatabase();
const mail = loggingMail();
let coordinator: Actor, owner: Actor, editor: Actor, student: Actor, partner: Actor, laterStudent: Actor;
let courseId: string;
let slug: string;

const origin = 'http://courses.test';
const comment = (who: Actor, body: string) => createThread(withoutLive(db), who, courseId, { anchor: { kind: 'field', field: 'summary' }, body });
async function publish(changeNotes = '') {
	await submitForReview(withoutLive(db), owner, courseId, { note: 'Ready.', changeNotes }, mail);
	await approveSubmission(withoutLive(db), coordinator, courseId, {}, mail);
	return publishCourse(withoutLive(db), coordinator, courseId, { changeNotes }, mail);
}
async function pdfText(number: number) {
	const pdf = (await coursePdf(db, slug, number, origin))!;
	const doc = await getDocumentProxy(new Uint8Array(pdf.bytes));
	return { text: (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' '), etag: pdf.etag };
}

beforeAll(async () => {
	coordinator = await buildPerson(db, 'Cai Coordinator', 'coordinator');
	owner = await buildPerson(db, 'Liisa Lecturer');
	editor = await buildPerson(db, 'Eero Editor');
	student = await buildPerson(db, 'Sanna Student');
	partner = await buildPerson(db, 'Pekka Partner');
	laterStudent = await buildPerson(db, 'Lauri Later');
	courseId = await buildCompleteCourse(db, owner, 'Circular design for small manufacturers');
	await addMember(db, courseId, editor.id, 'editor', 'lecturer');
	await addMember(db, courseId, student.id, 'commenter', 'student');
	await addMember(db, courseId, partner.id, 'commenter', 'company_partner');
	await addMember(db, courseId, laterStudent.id, 'commenter', 'student');
	await comment(student, 'Could we add a repair case?');
	await comment(partner, 'We can host a visit.');
	slug = (await publish()).slug;
});

describe('co-creation on the public page', () => {
	it('is recorded with the version when it is published, and not shown until an owner chooses', async () => {
		const v1 = await db.selectFrom('published_versions').select(['co_created_students', 'co_created_partners']).where('course_id', '=', courseId).executeTakeFirstOrThrow();
		expect(v1).toEqual({ co_created_students: 1, co_created_partners: 1 });
		expect((await loadCoursePage(db, slug, undefined, origin))!.coCreation).toBeNull();
		expect((await pdfText(1)).text).not.toContain('Co-created');
		expect(await coCreationSetting(db, owner, courseId)).toEqual({ shown: false, canChange: true, now: { students: 1, companyPartners: 1 } });
	});

	it('only owners may show it; once shown, the page and the PDF say it', async () => {
		const hidden = await pdfText(1);
		for (const who of [editor, student, coordinator]) {
			expect(await domainErrorOf(setCoCreationShown(db, who, courseId, true))).toMatchObject({ code: expect.stringMatching(/forbidden|not_found/) });
		}
		expect((await coCreationSetting(db, editor, courseId)).canChange).toBe(false);
		expect((await loadCoursePage(db, slug, undefined, origin))!.coCreation).toBeNull();

		await setCoCreationShown(db, owner, courseId, true);
		expect((await loadCoursePage(db, slug, undefined, origin))!.coCreation).toEqual({ students: 1, companyPartners: 1 });
		const shown = await pdfText(1);
		expect(shown.text).toContain('Co-created with 1 student and 1 company partner');
		// A cached PDF without the line is not served as current.
		expect(shown.etag).not.toBe(hidden.etag);
	});

	it('each version keeps the figure of its publication: people joining later count from the next version on', async () => {
		await comment(laterStudent, 'What about spare parts?');
		expect((await coCreationSetting(db, owner, courseId)).now).toEqual({ students: 2, companyPartners: 1 });
		expect((await loadCoursePage(db, slug, undefined, origin))!.coCreation).toEqual({ students: 1, companyPartners: 1 });

		await editSpec(db, courseId, owner.id, (spec) => {
			spec.learningOutcomes[0].text.en = 'Plan the repair of a product with spare parts.';
		});
		await publish('Spare parts in module 2.');
		expect((await loadCoursePage(db, slug, undefined, origin))!.coCreation).toEqual({ students: 2, companyPartners: 1 });
		expect((await loadCoursePage(db, slug, 1, origin))!.coCreation).toEqual({ students: 1, companyPartners: 1 });
		expect((await pdfText(2)).text).toContain('Co-created with 2 students and 1 company partner');
	});

	it('the owner can withdraw it again, also once the course is archived', async () => {
		await db.updateTable('courses').set({ archived_at: new Date() }).where('id', '=', courseId).execute();
		await setCoCreationShown(db, owner, courseId, false);
		expect((await loadCoursePage(db, slug, undefined, origin))!.coCreation).toBeNull();
		expect((await loadCoursePage(db, slug, 1, origin))!.coCreation).toBeNull();
		expect((await pdfText(2)).text).not.toContain('Co-created');
		await db.updateTable('courses').set({ archived_at: null }).where('id', '=', courseId).execute();
	});

	it('a version published with no students or partners taking part shows no line', async () => {
		const lonely = await buildCompleteCourse(db, owner, 'Solo lecturing');
		await submitForReview(withoutLive(db), owner, lonely, { note: 'Ready.' }, mail);
		await approveSubmission(withoutLive(db), coordinator, lonely, {}, mail);
		const published = await publishCourse(withoutLive(db), coordinator, lonely, {}, mail);
		await setCoCreationShown(db, owner, lonely, true);
		expect((await loadCoursePage(db, published.slug, undefined, origin))!.coCreation).toBeNull();
	});
});
