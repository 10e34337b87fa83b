import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '$lib/server/errors';
import { createMailer, listNotifications, markAllRead, openNotification, unreadCount, type MailContext } from '$lib/server/notifications';
import type { Actor } from '$lib/server/policy';
import { publishCourse } from '$lib/server/publishing';
import { approveSubmission, requestChanges, submitForReview } from '$lib/server/review';
import { createTestDatabase } from '$tests/support/db';
import { addMember } from '$tests/support/factories';
import { buildCompleteCourse, buildPerson, loggingMail } from '$tests/support/review';
import { readEmail, startSmtpServer, type TestSmtpServer } from '$tests/support/smtp-server';
import { withoutLive } from '$lib/server/live-context';

// Who hears about each step, in the app and by email: through the server log without SMTP, and
// through a real SMTP server on loopback with it.

const { db } = await createTestDatabase();
type Person = Actor & { name: string; email: string };
let admin: Person;
let coordinator: Person;
let owner: Person;
let coOwner: Person;
let editor: Person;
let viewer: Person;
let outsider: Person;

beforeAll(async () => {
	admin = await buildPerson(db, 'Ada Admin', 'admin');
	coordinator = await buildPerson(db, 'Cai Coordinator', 'coordinator');
	owner = await buildPerson(db, 'Liisa Lecturer');
	coOwner = await buildPerson(db, 'Olli Owner');
	editor = await buildPerson(db, 'Pekka Partner');
	viewer = await buildPerson(db, 'Siiri Student');
	outsider = await buildPerson(db, 'Otto Outsider');
});

async function team(title: string): Promise<string> {
	const id = await buildCompleteCourse(db, owner, title);
	await addMember(db, id, coOwner.id, 'owner');
	await addMember(db, id, editor.id, 'editor');
	await addMember(db, id, viewer.id, 'viewer');
	return id;
}

async function recipients(courseId: string, kind: string): Promise<string[]> {
	const rows = await db
		.selectFrom('notifications as n')
		.innerJoin('users as u', 'u.id', 'n.user_id')
		.select('u.name')
		.where('n.course_id', '=', courseId)
		.where('n.kind', '=', kind)
		.orderBy('u.name')
		.execute();
	return rows.map((r) => r.name);
}

describe('in-app notifications', () => {
	it('reach the right people at each step, never the person who took it', async () => {
		const mail = loggingMail();
		const id = await team('Circular design');
		await submitForReview(withoutLive(db), owner, id, { note: 'Please look at the outcomes.' }, mail);
		expect(await recipients(id, 'review.submitted')).toEqual(['Ada Admin', 'Cai Coordinator']);

		await requestChanges(withoutLive(db), coordinator, id, { comment: 'Assess LO1.' }, mail);
		// Those who act on it: owners and editors. Viewers follow the course without being asked to act.
		expect(await recipients(id, 'review.changes_requested')).toEqual(['Liisa Lecturer', 'Olli Owner', 'Pekka Partner']);

		await submitForReview(withoutLive(db), owner, id, { note: 'Done.' }, mail);
		await approveSubmission(withoutLive(db), admin, id, { note: 'Good.' }, mail);
		expect(await recipients(id, 'review.approved')).toEqual(['Liisa Lecturer', 'Olli Owner', 'Pekka Partner']);
		await publishCourse(withoutLive(db), coordinator, id, { changeNotes: 'First version.' }, mail);
		expect(await recipients(id, 'course.published')).toEqual(['Liisa Lecturer', 'Olli Owner', 'Pekka Partner', 'Siiri Student']);
		expect(await recipients(id, 'review.submitted')).toEqual(['Ada Admin', 'Ada Admin', 'Cai Coordinator', 'Cai Coordinator']);
	});

	it('counts unread ones, lists them newest first with what was written, and marks them read', async () => {
		const mail = loggingMail();
		const me: Person = await buildPerson(db, 'Reija Reader');
		const id = await buildCompleteCourse(db, me, 'Service design');
		await submitForReview(withoutLive(db), me, id, { note: 'Ready.' }, mail);
		await requestChanges(withoutLive(db), coordinator, id, { comment: 'Say how LO2 is assessed.' }, mail);
		await submitForReview(withoutLive(db), me, id, { note: 'Fixed.' }, mail);
		await approveSubmission(withoutLive(db), coordinator, id, { note: '' }, mail);
		await publishCourse(withoutLive(db), coordinator, id, { changeNotes: 'First version.' }, mail);

		expect(await unreadCount(db, me.id)).toBe(3);
		const { items, unread } = await listNotifications(db, me);
		expect(unread).toBe(3);
		expect(items.map((i) => [i.kind, i.headline, i.quote, i.path, i.read])).toEqual([
			['course.published', 'Cai Coordinator published v1 of “Service design”', 'First version.', `/courses/${id}/publish`, false],
			['review.approved', 'Cai Coordinator approved “Service design”', null, `/courses/${id}/review`, false],
			['review.changes_requested', 'Cai Coordinator asked for changes to “Service design”', 'Say how LO2 is assessed.', `/courses/${id}/review`, false]
		]);

		expect(await openNotification(db, me, items[2].id)).toBe(`/courses/${id}/review`);
		expect(await unreadCount(db, me.id)).toBe(2);
		// Opening it again keeps it read; someone else's is "not found".
		await openNotification(db, me, items[2].id);
		expect(await unreadCount(db, me.id)).toBe(2);
		await expect(openNotification(db, outsider, items[0].id)).rejects.toSatisfy((err) => isDomainError(err) && err.code === 'not_found');
		expect(await markAllRead(db, me)).toBe(2);
		expect(await unreadCount(db, me.id)).toBe(0);
		expect((await listNotifications(db, me)).items.every((i) => i.read)).toBe(true);
	});

	it('shows notifications of kinds added later, or no longer known, as a plain line', async () => {
		await db
			.insertInto('notifications')
			.values({ id: 'unknownkind0000000000000', user_id: outsider.id, kind: 'no.such.kind', course_id: null, actor_id: null, data: '{}' })
			.execute();
		const { items } = await listNotifications(db, outsider);
		expect(items[0]).toMatchObject({ kind: 'no.such.kind', headline: 'Update on “a course”', path: '/courses' });
	});
});

describe('email', () => {
	let smtp: TestSmtpServer;
	let refusing: TestSmtpServer;
	beforeAll(async () => {
		smtp = await startSmtpServer();
		refusing = await startSmtpServer({ rejectAuth: true });
	});
	afterAll(async () => {
		await smtp?.close();
		await refusing?.close();
	});

	it('is written to the server log when SMTP_URL is not set', async () => {
		const mail = loggingMail('https://courses.example.org');
		expect(mail.mailer.transport).toBe('log');
		const id = await team('Logged course');
		await submitForReview(withoutLive(db), owner, id, { note: 'Line one.\nLine two.' }, mail);
		await mail.mailer.idle();
		expect(mail.lines).toHaveLength(2);
		const toCoordinator = mail.lines.find((line) => line.includes(`To: ${coordinator.email}`))!;
		expect(toCoordinator).toContain('Subject: Liisa Lecturer submitted “Logged course” for review');
		expect(toCoordinator).toContain('> Line one.\n> Line two.');
		expect(toCoordinator).toContain(`Open it: https://courses.example.org/courses/${id}/review`);
		expect(mail.lines.some((line) => line.includes(`To: ${admin.email}`))).toBe(true);
	});

	it('is delivered through SMTP after the change is committed, to each person', async () => {
		const lines: string[] = [];
		const url = `smtp://mailer:s3cret-pass@127.0.0.1:${smtp.port}`;
		const mail: MailContext = { mailer: createMailer({ smtpUrl: url, from: 'Co-course <courses@example.org>', log: (l) => lines.push(l) }), origin: 'https://courses.example.org' };
		const id = await team('Mailed course');
		await submitForReview(withoutLive(db), owner, id, { note: 'Ready.' }, mail);
		await requestChanges(withoutLive(db), coordinator, id, { comment: 'Please add a module.' }, mail);
		await mail.mailer.idle();

		const about = (words: string) => smtp.received.filter((m) => readEmail(m.data).subject.includes(words));
		const toTeam = about('asked for changes');
		expect(toTeam.map((m) => m.to).flat().sort()).toEqual([coOwner.email, editor.email, owner.email].sort());
		const message = toTeam[0];
		expect(message.from).toBe('courses@example.org');
		expect(message.auth).toBe('mailer:s3cret-pass');
		const email = readEmail(message.data);
		expect(email.subject).toBe('Cai Coordinator asked for changes to “Mailed course”');
		expect(email.headers.from).toBe('"Co-course" <courses@example.org>');
		expect(email.text).toContain('\n> Please add a module.\n');
		expect(email.text).toContain(`Open it: https://courses.example.org/courses/${id}/review`);
		expect(about('submitted').map((m) => m.to).flat().sort()).toEqual([admin.email, coordinator.email].sort());
		expect(lines).toEqual([]);
		await mail.mailer.close();
	});

	it('logs a failed delivery without the SMTP password, and the change it announced stands', async () => {
		const lines: string[] = [];
		const url = `smtp://mailer:Very-Secret-42@127.0.0.1:${refusing.port}`;
		const mail: MailContext = { mailer: createMailer({ smtpUrl: url, log: (l) => lines.push(l) }), origin: 'https://courses.example.org' };
		const id = await team('Unmailed course');
		await submitForReview(withoutLive(db), owner, id, { note: 'Ready.' }, mail);
		await mail.mailer.idle();
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/could not send “Liisa Lecturer submitted “Unmailed course” for review” to .*EAUTH/);
		expect(lines.join('\n')).not.toContain('Very-Secret-42');
		expect(lines.join('\n')).not.toContain(url);
		const course = await db.selectFrom('courses').select('status').where('id', '=', id).executeTakeFirstOrThrow();
		expect(course.status).toBe('in_review');
		await mail.mailer.close();
	});
});
