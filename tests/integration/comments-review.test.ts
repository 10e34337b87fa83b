import { describe, expect, it } from 'vitest';
import { createThread, listThreads, reviewCommentCounts, setThreadResolved } from '$lib/server/comments';
import { requestChanges, submitForReview } from '$lib/server/review';
import { createTestDatabase } from '$tests/support/db';
import { buildCompleteCourse, buildPerson, loggingMail } from '$tests/support/review';
import { withoutLive } from '$lib/server/live-context';

// Review comments: a coordinator anchors comments to fields of a submitted course; the team
// resolves them before it can submit again, and the coordinator sees how many were resolved.

const { db } = await createTestDatabase();

describe('review comments', () => {
	it('are anchored by a coordinator outside the team, and submitting again waits until they are resolved', async () => {
		const owner = await buildPerson(db, 'Liisa Lecturer');
		const coordinator = await buildPerson(db, 'Kaisa Coordinator', 'coordinator');
		const mail = loggingMail();
		const courseId = await buildCompleteCourse(db, owner);
		// A draft is the team's alone: no review comments before submitting.
		await expect(createThread(withoutLive(db), coordinator, courseId, { anchor: { kind: 'field', field: 'ectsCredits' }, body: 'x' })).rejects.toMatchObject({ code: 'not_found' });

		await submitForReview(withoutLive(db), owner, courseId, { note: 'Ready' }, mail);
		const threadId = await createThread(withoutLive(db), coordinator, courseId, { anchor: { kind: 'field', field: 'ectsCredits' }, body: 'Credits do not match the workload.' });
		await requestChanges(withoutLive(db), coordinator, courseId, { comment: 'See the comments on the fields.' }, mail);
		const thread = (await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)!;
		expect(thread).toMatchObject({ review: true, author: { name: 'Kaisa Coordinator', perspective: 'coordinator' } });
		expect(await reviewCommentCounts(db, courseId)).toEqual({ open: 1, resolved: 0 });

		await expect(submitForReview(withoutLive(db), owner, courseId, { note: 'Again' }, mail)).rejects.toThrow(/Resolve the coordinator’s review comment/);
		await setThreadResolved(withoutLive(db), owner, threadId, true);
		expect(await reviewCommentCounts(db, courseId)).toEqual({ open: 0, resolved: 1 });
		await expect(submitForReview(withoutLive(db), owner, courseId, { note: 'Fixed the credits' }, mail)).resolves.toMatchObject({ version: 1 });
	});
});
