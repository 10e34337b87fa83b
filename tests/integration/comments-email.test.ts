import { beforeAll, describe, expect, it } from 'vitest';
import { createThread, replyToThread } from '$lib/server/comments';
import { createMailer } from '$lib/server/notifications';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildUser } from '$tests/support/factories';
import { waitFor } from '$tests/support/realtime-clients';
import { withoutLive } from '$lib/server/live-context';

// Comment notifications by email, batched: the first after a quiet interval goes at once, what
// follows within the interval goes out together when it ends (the interval is shortened here).

const { db } = await createTestDatabase();
const sent: string[] = [];
const mail = { mailer: createMailer({ log: (line) => sent.push(line) }), origin: 'https://courses.example.org', intervalMs: 400 };
type Person = Awaited<ReturnType<typeof buildUser>>;
let owner: Person, student: Person;
let courseId: string;

beforeAll(async () => {
	owner = await buildUser(db, { name: 'Liisa Lecturer' });
	student = await buildUser(db, { name: 'Sanna Student', email: 'sanna@example.org' });
	courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, student.id, 'commenter', 'student');
});

describe('batched comment email', () => {
	it('sends the first at once and the next ones together, at most one email per interval', async () => {
		const to = (line: string) => line.includes('To: sanna@example.org');
		const threadId = await createThread({ ...withoutLive(db), mail }, owner, courseId, { anchor: { kind: 'field', field: 'title' }, body: '@Sanna Student what do you think?', mentions: [student.id] });
		await waitFor(() => sent.filter(to).length === 1, { message: 'the first email' });
		expect(sent.find(to)).toContain('Subject: Liisa Lecturer mentioned you in a comment on “Platform economy basics”');
		expect(sent.find(to)).toContain(`Open it: https://courses.example.org/courses/${courseId}#comment-${threadId}`);

		const startedAt = Date.now();
		await replyToThread({ ...withoutLive(db), mail }, owner, threadId, { body: 'And the summary, @Sanna Student?', mentions: [student.id] });
		await replyToThread({ ...withoutLive(db), mail }, owner, threadId, { body: '@Sanna Student one more thing.', mentions: [student.id] });
		await waitFor(() => sent.filter(to).length === 2, { message: 'the batched email' });
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
		const digest = sent.filter(to)[1];
		expect(digest).toContain('Subject: 2 new comments and suggestions on Co-course');
		expect(digest).toContain('> And the summary, @Sanna Student?');
		expect(digest).toContain('> @Sanna Student one more thing.');
		const pending = await db.selectFrom('notifications').select('id').where('user_id', '=', student.id).where('emailed_at', 'is', null).execute();
		expect(pending).toEqual([]);
	});
});
