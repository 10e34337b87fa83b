import { describe, expect, it } from 'vitest';
import { FIXTURE_IDS } from '$lib/course-spec/fixtures';
import { createAnonymousLink, listItems, publicationFeedback, submitResponse, submissionThrottle, updateItem } from '$lib/server/feedback';
import { loadPublishPage, publishCourse } from '$lib/server/publishing';
import { extractText, getDocumentProxy } from 'unpdf';
import { coursePdf, listPublishedVersions, loadCoursePage } from '$lib/server/public-pages';
import { getSpecVersion, listSpecVersions } from '$lib/server/public-api/specs';
import { approveSubmission, loadReviewPage, submitForReview } from '$lib/server/review';
import { createTestDatabase } from '$tests/support/db';
import { buildRound, formValues, tokenOf } from '$tests/support/feedback';
import { buildPerson, editSpec, loggingMail } from '$tests/support/review';
import { withoutLive } from '$lib/server/live-context';

// "Updated after pilot feedback": a version that answers pilot feedback says so on its public page and
// in the version history, with the team's summary and the items they worded for the public, and
// nothing a participant wrote.

const { db } = await createTestDatabase();
const mail = loggingMail();
const ORIGIN = 'https://courses.example.org';
const [apply, compare, pitch] = FIXTURE_IDS.outcomes;
const [, materials] = FIXTURE_IDS.modules;
const PARTICIPANT_WORDS = 'Zanzibar-quokka: the materials videos bored me stiff, says Pirjo from Lahti.';

async function piloted() {
	await buildPerson(db, 'Ada Admin', 'admin');
	const coordinator = await buildPerson(db, 'Cai Coordinator', 'coordinator');
	const setup = await buildRound(db);
	const { owner, courseId, round } = setup;
	const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, null, ORIGIN)).url);
	const answers = formValues({
		perspective: 'company_partner',
		'overall.recommend': '8',
		...Object.fromEntries([apply, compare, pitch].flatMap((o) => [[`outcome.${o}.relevance`, '4'], [`outcome.${o}.clarity`, '4']])),
		[`outcome.${compare}.clarity`]: '1',
		[`module.${materials}.change`]: PARTICIPANT_WORDS
	});
	expect((await submitResponse(db, submissionThrottle(db), token, answers, '192.0.2.44')).ok).toBe(true);
	const { items } = await listItems(db, owner, courseId, round.id);
	const words = items.find((i) => i.excerpt === PARTICIPANT_WORDS)!;
	const rating = items.find((i) => i.excerpt === 'Clarity: 1 of 5')!;
	await updateItem(db, owner, courseId, round.id, { itemId: words.id, status: 'done', note: 'Module 2’s videos are now shorter.', said: 'The videos of module 2 were too long.', addressedIn: '' });
	// Done, but not worded for the public: counted, never listed.
	await updateItem(db, owner, courseId, round.id, { itemId: rating.id, status: 'done', note: 'LO2 reworded.', said: '', addressedIn: '' });
	return { ...setup, coordinator };
}

describe('a version published after pilot feedback', () => {
	it('asks the team for a summary when it submits, lets the coordinator correct it, and shows it publicly with the team’s words only', async () => {
		const { owner, courseId, coordinator } = await piloted();
		const review = await loadReviewPage(withoutLive(db), owner, courseId);
		expect(review.readiness?.pendingFeedback).toBe(2);
		await submitForReview(withoutLive(db), owner, courseId, { note: 'Ready.', feedbackSummary: 'Ten entrepreneurs tried it; videos were too long.' }, mail);
		await approveSubmission(withoutLive(db), coordinator, courseId, {}, mail);
		const publishPage = await loadPublishPage(db, coordinator, courseId);
		expect(publishPage.approved).toMatchObject({ feedbackSummary: 'Ten entrepreneurs tried it; videos were too long.', pendingFeedback: 2 });
		await publishCourse(withoutLive(db), coordinator, courseId, { changeNotes: 'First publication.', feedbackSummary: '  One pilot round with entrepreneurs; we shortened the videos.  ' }, mail);

		const { slug } = await db.selectFrom('courses').select('slug').where('id', '=', courseId).executeTakeFirstOrThrow();
		const page = await loadCoursePage(db, slug!, undefined, ORIGIN);
		expect(page?.pilotFeedback).toEqual({
			summary: 'One pilot round with entrepreneurs; we shortened the videos.',
			addressed: 2,
			items: [{ about: 'Module 2: Materials and LCA', said: 'The videos of module 2 were too long.', changed: 'Module 2’s videos are now shorter.' }]
		});
		const history = await listPublishedVersions(db, slug!);
		const pdf = await coursePdf(db, slug!, 1, ORIGIN);
		const { text: pdfText } = await extractText(await getDocumentProxy(new Uint8Array(pdf!.bytes)), { mergePages: true });
		expect(pdfText.replace(/\s+/g, ' ')).toContain('One pilot round with entrepreneurs; we shortened the videos.');
		const everythingPublic = JSON.stringify([page, history, pdfText, await getSpecVersion(db, slug!, undefined, ORIGIN), await listSpecVersions(db, slug!, ORIGIN)]);
		expect(everythingPublic).not.toContain('Zanzibar');
		expect(everythingPublic).not.toContain('Pirjo');
		expect(everythingPublic).not.toContain('Clarity: 1 of 5');
		expect(everythingPublic).not.toContain('Ten entrepreneurs');
		// Nothing is left for the next version to carry.
		expect((await loadReviewPage(withoutLive(db), owner, courseId)).readiness?.pendingFeedback).toBe(0);
	});

	it('keeps the team’s summary when the coordinator leaves it alone, and says nothing on versions without feedback', async () => {
		const { owner, courseId, coordinator } = await piloted();
		await submitForReview(withoutLive(db), owner, courseId, { note: 'Ready.', feedbackSummary: 'Twelve students and three companies answered.' }, mail);
		await approveSubmission(withoutLive(db), coordinator, courseId, {}, mail);
		const first = await publishCourse(withoutLive(db), coordinator, courseId, {}, mail);
		const v1 = await db.selectFrom('published_versions').select(['id', 'feedback_summary']).where('course_id', '=', courseId).executeTakeFirstOrThrow();
		expect(v1.feedback_summary).toBe('Twelve students and three companies answered.');
		expect((await publicationFeedback(db, v1.id))?.addressed).toBe(2);

		await editSpec(db, courseId, owner.id, (spec) => void (spec.code = 'CPD-102'));
		await submitForReview(withoutLive(db), owner, courseId, { note: 'Code fix.', changeNotes: 'New course code.' }, mail);
		await approveSubmission(withoutLive(db), coordinator, courseId, {}, mail);
		await publishCourse(withoutLive(db), coordinator, courseId, { changeNotes: 'New course code.' }, mail);
		const page = await loadCoursePage(db, first.slug, undefined, ORIGIN);
		expect(page?.version.number).toBe(2);
		expect(page?.pilotFeedback).toBeNull();
	});

	it('refuses a summary with control characters or over 1,000 characters, next to its field', async () => {
		const { owner, courseId } = await piloted();
		for (const feedbackSummary of ['Bad\u0000text', 'x'.repeat(1001)]) {
			const error = await submitForReview(withoutLive(db), owner, courseId, { note: 'Ready.', feedbackSummary }, mail).catch((e) => e);
			expect(error.field).toBe('feedbackSummary');
		}
	});
});
