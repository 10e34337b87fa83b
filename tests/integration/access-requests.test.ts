import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '$lib/server/users';
import {
	ACCESS_REQUESTS_PER_HOUR,
	approveAccessRequest,
	declineAccessRequest,
	listAccessRequests,
	requestAccess
} from '$lib/server/access-requests';
import { generateId } from '$lib/server/ids';
import { listMembers, setCourseArchived } from '$lib/server/courses';
import { createTestDatabase, resetTables } from '$tests/support/db';
import { addMember, buildCourse, buildUser } from '$tests/support/factories';
import { withoutLive } from '$lib/server/live-context';

const database = await createTestDatabase();
const { db } = database;

let owner: User;
let editor: User;
let outsider: User;
let courseId: string;

beforeEach(async () => {
	await resetTables(database);
	await buildUser(db, { name: 'Instance Admin' });
	owner = await buildUser(db, { name: 'Olga Owner' });
	editor = await buildUser(db, { name: 'Eddie Editor' });
	outsider = await buildUser(db, { name: 'Otto Outsider', email: 'otto@example.org' });
	courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, editor.id, 'editor', 'lecturer');
});

/** What a call answers, as the route sees it: 'ok' or the domain error's code. */
async function outcome(work: Promise<unknown>): Promise<string> {
	return work.then(
		() => 'ok',
		(err: { code?: string }) => err.code ?? 'crash'
	);
}

const storedRequests = () => db.selectFrom('course_access_requests').selectAll().orderBy('created_at').execute();

describe('asking for access', () => {
	it('answers the same for a course that does not exist as for one the person is not in, and stores only the real one', async () => {
		const missing = generateId();
		expect(await requestAccess(db, outsider, missing, { message: 'Hello?' })).toBeUndefined();
		expect(await requestAccess(db, outsider, 'not-even-an-id', { message: '' })).toBeUndefined();
		expect(await requestAccess(db, outsider, courseId, { message: 'I teach the pilot group.' })).toBeUndefined();
		const rows = await storedRequests();
		expect(rows.map((r) => [r.course_id, r.user_id, r.message, r.status])).toEqual([
			[courseId, outsider.id, 'I teach the pilot group.', 'pending']
		]);
	});

	it('stores nothing for someone already in the team, with the same answer', async () => {
		expect(await requestAccess(db, editor, courseId, { message: 'Again' })).toBeUndefined();
		expect(await storedRequests()).toEqual([]);
	});

	it('keeps one open request per person, with the latest message', async () => {
		await requestAccess(db, outsider, courseId, { message: 'First' });
		await requestAccess(db, outsider, courseId, { message: 'Second, with more detail' });
		const rows = await storedRequests();
		expect(rows.map((r) => r.message)).toEqual(['Second, with more detail']);
	});

	it('limits how many requests one person sends, counting courses that do not exist alike', async () => {
		const start = new Date('2026-12-01T10:00:00Z');
		for (let i = 0; i < ACCESS_REQUESTS_PER_HOUR; i++) {
			const target = i % 2 === 0 ? generateId() : courseId;
			expect(await outcome(requestAccess(db, outsider, target, { message: `${i}` }, start))).toBe('ok');
		}
		// Over the limit, real and made-up courses get the same refusal.
		expect(await outcome(requestAccess(db, outsider, courseId, { message: 'one more' }, start))).toBe('rate_limited');
		expect(await outcome(requestAccess(db, outsider, generateId(), { message: 'one more' }, start))).toBe('rate_limited');
		// Someone else is not affected; the same person may ask again an hour later.
		expect(await outcome(requestAccess(db, editor, generateId(), { message: '' }, start))).toBe('ok');
		const later = new Date(start.getTime() + 61 * 60_000);
		expect(await outcome(requestAccess(db, outsider, courseId, { message: 'later' }, later))).toBe('ok');
	});
});

describe('answering requests', () => {
	async function pendingRequestId(): Promise<string> {
		await requestAccess(db, outsider, courseId, { message: 'Can I help with the modules?' });
		const [request] = await listAccessRequests(db, owner, courseId);
		return request.id;
	}

	it('shows owners who asks, with their email, message and when', async () => {
		const before = Date.now();
		await pendingRequestId();
		const requests = await listAccessRequests(db, owner, courseId);
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			userId: outsider.id,
			name: 'Otto Outsider',
			email: 'otto@example.org',
			message: 'Can I help with the modules?'
		});
		expect(requests[0].createdAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
	});

	it('lets only owners see requests: an editor is refused, an outsider finds no course', async () => {
		await pendingRequestId();
		expect(await outcome(listAccessRequests(db, editor, courseId))).toBe('forbidden');
		expect(await outcome(listAccessRequests(db, outsider, courseId))).toBe('not_found');
	});

	it('approving makes the requester a member with the chosen role and perspective, once', async () => {
		const id = await pendingRequestId();
		await approveAccessRequest(db, owner, courseId, id, { role: 'commenter', perspective: 'company_partner' });
		const members = await listMembers(db, owner, courseId);
		expect(members.find((m) => m.userId === outsider.id)).toMatchObject({ role: 'commenter', perspective: 'company_partner' });
		expect(await listAccessRequests(db, owner, courseId)).toEqual([]);

		expect(await outcome(approveAccessRequest(db, owner, courseId, id, { role: 'editor', perspective: 'other' }))).toBe('conflict');
		expect(await outcome(declineAccessRequest(db, owner, courseId, id))).toBe('conflict');
		expect(members.filter((m) => m.userId === outsider.id)).toHaveLength(1);
		expect((await listMembers(db, owner, courseId)).find((m) => m.userId === outsider.id)?.role).toBe('commenter');
	});

	it('approves a request only once when two owners answer at the same time', async () => {
		const id = await pendingRequestId();
		const results = await Promise.all([
			outcome(approveAccessRequest(db, owner, courseId, id, { role: 'viewer', perspective: 'student' })),
			outcome(approveAccessRequest(db, owner, courseId, id, { role: 'editor', perspective: 'student' }))
		]);
		expect(results.sort()).toEqual(['conflict', 'ok']);
	});

	it('declining leaves the person outside; they may ask again', async () => {
		const id = await pendingRequestId();
		await declineAccessRequest(db, owner, courseId, id);
		expect((await listMembers(db, owner, courseId)).map((m) => m.userId)).not.toContain(outsider.id);
		expect(await listAccessRequests(db, owner, courseId)).toEqual([]);
		expect((await storedRequests()).map((r) => r.status)).toEqual(['declined']);

		await requestAccess(db, outsider, courseId, { message: 'Please reconsider' });
		expect((await listAccessRequests(db, owner, courseId)).map((r) => r.message)).toEqual(['Please reconsider']);
	});

	it('refuses a non-owner: an editor is forbidden, the requester finds no course, and nothing changes', async () => {
		const id = await pendingRequestId();
		const grant = { role: 'editor', perspective: 'other' } as const;
		expect(await outcome(approveAccessRequest(db, editor, courseId, id, grant))).toBe('forbidden');
		expect(await outcome(declineAccessRequest(db, editor, courseId, id))).toBe('forbidden');
		expect(await outcome(approveAccessRequest(db, outsider, courseId, id, grant))).toBe('not_found');
		expect((await storedRequests()).map((r) => r.status)).toEqual(['pending']);
	});

	it('does not answer a request through another course', async () => {
		const id = await pendingRequestId();
		const otherCourse = (await buildCourse(db, owner, 'Another course')).id;
		expect(await outcome(approveAccessRequest(db, owner, otherCourse, id, { role: 'viewer', perspective: 'other' }))).toBe(
			'not_found'
		);
		expect((await storedRequests()).map((r) => r.status)).toEqual(['pending']);
	});

	it('still lets owners answer on an archived course', async () => {
		const id = await pendingRequestId();
		await setCourseArchived(withoutLive(db), owner, courseId, true);
		await approveAccessRequest(db, owner, courseId, id, { role: 'viewer', perspective: 'other' });
		expect((await listMembers(db, owner, courseId)).map((m) => m.userId)).toContain(outsider.id);
	});
});
