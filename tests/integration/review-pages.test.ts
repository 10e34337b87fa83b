import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '$lib/server/errors';
import type { Actor } from '$lib/server/policy';
import { findSimilarPublished, loadPublishPage, publishCourse } from '$lib/server/publishing';
import { similarity } from '$lib/server/publishing/similarity';
import {
	approveSubmission,
	compareForReview,
	listReviewQueue,
	loadDashboard,
	loadReviewPage,
	requestChanges,
	submitForReview
} from '$lib/server/review';
import { createTestDatabase } from '$tests/support/db';
import { addMember } from '$tests/support/factories';
import { buildCompleteCourse, buildPerson, editSpec, loggingMail } from '$tests/support/review';
import { withoutLive } from '$lib/server/live-context';

// What the review pages are built from: the queue, the reviewer's workspace, similar names, the
// team's view of a decision, and the timeline.

const { db } = await createTestDatabase();
const mail = loggingMail();
let coordinator: Actor;
let owner: Actor;
let editor: Actor;
let stranger: Actor;

beforeAll(async () => {
	await buildPerson(db, 'Ada Admin', 'admin');
	coordinator = await buildPerson(db, 'Cai Coordinator', 'coordinator');
	owner = await buildPerson(db, 'Liisa Lecturer');
	editor = await buildPerson(db, 'Pekka Partner');
	stranger = await buildPerson(db, 'Stina Stranger');
});

async function publishedCourse(title: string, outcomes: string[], change: (spec: import('$lib/course-spec/types').CourseSpec) => void = () => {}) {
	const id = await buildCompleteCourse(db, owner, title, (spec) => {
		spec.learningOutcomes = outcomes.map((text, i) => ({ id: `outcome${i}`, text: { en: text } }));
		spec.assessments[0].outcomeIds = spec.learningOutcomes.map((o) => o.id);
		change(spec);
	});
	await submitForReview(withoutLive(db), owner, id, { note: 'Ready.' }, mail);
	await approveSubmission(withoutLive(db), coordinator, id, {}, mail);
	await publishCourse(withoutLive(db), coordinator, id, {}, mail);
	return id;
}

describe('the review queue', () => {
	it('lists waiting submissions for coordinators only, the longest waiting first, with who sent them and how long ago', async () => {
		const older = await buildCompleteCourse(db, owner, 'Queue: older');
		const newer = await buildCompleteCourse(db, owner, 'Queue: newer');
		await submitForReview(withoutLive(db), owner, older, { note: 'First.' }, mail);
		await submitForReview(withoutLive(db), owner, newer, { note: 'Second.' }, mail);
		// Waiting since three days ago.
		await sql`update course_reviews set submitted_at = now() - interval '3 days 2 hours' where course_id = ${older}`.execute(db);

		const queue = await listReviewQueue(db, coordinator);
		const ours = queue.waiting.filter((item) => item.title.startsWith('Queue:'));
		expect(ours.map((item) => [item.title, item.provider, item.submittedBy, item.daysWaiting, item.resubmitted])).toEqual([
			['Queue: older', 'Example UAS', 'Liisa Lecturer', 3, false],
			['Queue: newer', 'Example UAS', 'Liisa Lecturer', 0, false]
		]);
		await expect(listReviewQueue(db, owner)).rejects.toSatisfy((err) => isDomainError(err) && err.code === 'forbidden');

		await approveSubmission(withoutLive(db), coordinator, newer, {}, mail);
		const after = await listReviewQueue(db, coordinator);
		expect(after.waiting.map((i) => i.title)).not.toContain('Queue: newer');
		expect(after.approved.map((i) => i.title)).toContain('Queue: newer');
		expect((await loadDashboard(db, coordinator, { archived: false })).queue?.waiting.map((i) => i.title)).toContain('Queue: older');
		expect((await loadDashboard(db, owner, { archived: false })).queue).toBeNull();
	});
});

describe('reviewing a submission', () => {
	it('shows the team the coordinator’s comment on the course and the dashboard, then what changed on resubmitting', async () => {
		const id = await buildCompleteCourse(db, owner, 'Circular design');
		await addMember(db, id, editor.id, 'editor');
		await submitForReview(withoutLive(db), owner, id, { note: 'Please check the outcomes.' }, mail);
		await requestChanges(withoutLive(db), coordinator, id, { comment: 'LO1 cannot be observed: rephrase it.' }, mail);

		const dashboard = await loadDashboard(db, editor, { archived: false });
		const card = dashboard.courses.find((c) => c.id === id)!;
		expect(card.status).toBe('changes_requested');
		expect(card.review).toMatchObject({ decision: 'changes_requested', decisionNote: 'LO1 cannot be observed: rephrase it.', decidedBy: 'Cai Coordinator' });
		const teamView = await loadReviewPage(withoutLive(db), editor, id);
		expect(teamView.submission).toMatchObject({ decision: 'changes_requested', decisionNote: 'LO1 cannot be observed: rephrase it.' });
		// Editors see what stands in the way, but submitting is the owners' step.
		expect(teamView.readiness).toEqual({ problems: [], unchanged: false, changesSincePublished: null, pendingFeedback: 0 });
		expect(teamView.transitions).toEqual([]);
		expect((await loadReviewPage(withoutLive(db), owner, id)).transitions).toEqual(['submit']);

		await editSpec(db, id, owner.id, (spec) => {
			spec.learningOutcomes[0].text.en = 'Explain the basics to a colleague.';
		});
		await submitForReview(withoutLive(db), owner, id, { note: 'Rephrased LO1.' }, mail);
		// Work goes on during the review: more credits, not part of this submission.
		await editSpec(db, id, editor.id, (spec) => {
			spec.ectsCredits = 3;
		});

		const page = await loadReviewPage(withoutLive(db), coordinator, id);
		expect(page.transitions).toEqual(['requestChanges', 'approve']);
		expect(page.submission).toMatchObject({ note: 'Rephrased LO1.', submittedBy: 'Liisa Lecturer', decision: null, daysWaiting: 0 });
		expect(page.workspace).toMatchObject({
			completeness: { done: 9, total: 9 },
			changedSinceSubmission: 1,
			sincePrevious: { count: 1 },
			againstPublished: null
		});
		const since = await compareForReview(withoutLive(db), coordinator, id, 'previous', 'submission');
		const outcomes = since.diff.sections.find((s) => s.key === 'outcomes')!.fields[0];
		expect(outcomes.status).toBe('changed');
		const live = await compareForReview(withoutLive(db), coordinator, id, 'submission', 'current');
		expect(live.diff.changes).toBe(1);
		await expect(compareForReview(withoutLive(db), coordinator, id, 'published', 'submission')).rejects.toSatisfy(
			(err) => isDomainError(err) && err.code === 'invalid' && err.field === 'from'
		);
		await expect(loadReviewPage(withoutLive(db), stranger, id)).rejects.toSatisfy((err) => isDomainError(err) && err.code === 'not_found');

		expect(page.timeline.map((e) => [e.from, e.to, e.actor, e.note])).toEqual([
			['draft', 'in_review', 'Liisa Lecturer', 'Please check the outcomes.'],
			['in_review', 'changes_requested', 'Cai Coordinator', 'LO1 cannot be observed: rephrase it.'],
			['changes_requested', 'in_review', 'Liisa Lecturer', 'Rephrased LO1.']
		]);
	});

	it('shows what the coordinator will publish, and the published versions with their notes and hashes', async () => {
		const id = await buildCompleteCourse(db, owner, 'Publish page course');
		await submitForReview(withoutLive(db), owner, id, { note: 'Ready.' }, mail);
		await approveSubmission(withoutLive(db), coordinator, id, { note: 'Fine.' }, mail);
		const before = await loadPublishPage(db, coordinator, id);
		expect(before).toMatchObject({ transitions: ['requestChanges', 'publish'], nextVersion: 1, slug: null, versions: [] });
		expect(before.approved).toMatchObject({ submittedBy: 'Liisa Lecturer', approvedBy: 'Cai Coordinator', changesSincePublished: null });
		await publishCourse(withoutLive(db), coordinator, id, { changeNotes: 'First publication.' }, mail);
		const after = await loadPublishPage(db, owner, id);
		expect(after).toMatchObject({ status: 'published', slug: 'publish-page-course', transitions: ['submit'], approved: null, nextVersion: 2 });
		expect(after.versions).toEqual([
			expect.objectContaining({ number: 1, changeNotes: 'First publication.', approvedBy: 'Cai Coordinator', publishedBy: 'Cai Coordinator', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
		]);
		const timeline = (await loadReviewPage(withoutLive(db), owner, id)).timeline;
		expect(timeline.at(-1)).toMatchObject({ from: 'approved', to: 'published', version: 1, note: 'First publication.' });
	});
});

describe('published courses with a similar name', () => {
	it('are found by trigram similarity in any language, with how their outcomes, credits and level differ', async () => {
		await publishedCourse('Digital marketing for small businesses', [
			'Plan a social media campaign',
			'Measure the reach of a campaign',
			'Write a privacy notice'
		], (spec) => {
			spec.ectsCredits = 3;
		});
		await publishedCourse('Welding basics', ['Weld two steel plates']);
		const retired = await publishedCourse('Digitaalinen markkinointi', ['Plan a social media campaign'], (spec) => {
			spec.title = { en: 'Digital marketing basics', fi: 'Digitaalinen markkinointi' };
		});
		await db.updateTable('courses').set({ retired_at: new Date() }).where('id', '=', retired).execute();

		const id = await buildCompleteCourse(db, owner, 'Digital marketing for small firms', (spec) => {
			spec.learningOutcomes = [
				{ id: 'a', text: { en: 'Plan a social media campaign' } },
				{ id: 'b', text: { en: 'Measure the reach of campaigns' } },
				{ id: 'c', text: { en: 'Choose an online shop platform' } }
			];
		});
		await submitForReview(withoutLive(db), owner, id, { note: 'Ready.' }, mail);
		const submitted = (await db.selectFrom('course_reviews').select('spec').where('course_id', '=', id).executeTakeFirstOrThrow()).spec;
		const similar = await findSimilarPublished(db, id, submitted);

		expect(similar.map((s) => s.title)).toEqual(['Digital marketing for small businesses', 'Digital marketing basics']);
		expect(similar[1]).toMatchObject({ retired: true, version: 1 });
		expect(similar[0]).toMatchObject({
			version: 1,
			ects: { here: '2 ECTS', there: '3 ECTS' },
			eqf: { here: 'No EQF level', there: 'No EQF level' },
			outcomes: {
				matched: [
					{ here: 'Plan a social media campaign', there: 'Plan a social media campaign', similarity: 1 },
					{ here: 'Measure the reach of campaigns', there: 'Measure the reach of a campaign', similarity: expect.any(Number) }
				],
				onlyHere: ['Choose an online shop platform'],
				onlyThere: ['Write a privacy notice']
			}
		});
		expect(similar[0].similarity).toBeGreaterThan(similar[1].similarity);
		// The reviewer's page carries the same list.
		expect((await loadReviewPage(withoutLive(db), coordinator, id)).workspace?.similar.map((s) => s.title)).toEqual(similar.map((s) => s.title));
	});

	it('are compared in memory exactly as the database compares them', async () => {
		const pairs = [
			['Digital marketing for small firms', 'Digital marketing for small businesses'],
			['yritys', 'pienissä yrityksissä'],
			['Kiertotalous pk-yrityksille', 'Kiertotalouden perusteet'],
			['Measure the reach of campaigns', 'Measure the reach of a campaign']
		];
		for (const [a, b] of pairs) {
			const { rows } = await sql<{ s: number }>`select similarity(${a}, ${b}) as s`.execute(db);
			expect(similarity(a, b), `${a} ~ ${b}`).toBeCloseTo(Number(rows[0].s), 5);
		}
	});
});
