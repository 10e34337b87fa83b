import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '$lib/server/users';
import { createInvite, joinAfterSignIn, revokeInvite } from '$lib/server/invites';
import { getCourseAccess } from '$lib/server/courses';
import { createTestDatabase, resetTables } from '$tests/support/db';
import { buildCourse, buildUser } from '$tests/support/factories';

const database = await createTestDatabase();
const { db } = database;

let owner: User;
let guest: User;
let courseId: string;

beforeEach(async () => {
	await resetTables(database);
	owner = await buildUser(db, { name: 'Olli Owner' });
	guest = await buildUser(db, { name: 'Greta Guest' });
	courseId = (await buildCourse(db, owner)).id;
});

describe('joining a course right after signing in from an invite link', () => {
	it('joins with the invite’s role and sends the person to the course', async () => {
		const { token } = await createInvite(db, owner, courseId, { role: 'commenter', perspective: 'student', singleUse: true });
		expect(await joinAfterSignIn(db, guest, `/invite/${token}`)).toBe(`/courses/${courseId}`);
		const access = await getCourseAccess(db, courseId, guest.id);
		expect(access?.membership).toEqual({ role: 'commenter', perspective: 'student' });
	});

	it('goes back to the invite page, which explains the problem, when the link cannot be used', async () => {
		const { invite, token } = await createInvite(db, owner, courseId, { role: 'editor', perspective: 'other', singleUse: false });
		await revokeInvite(db, owner, courseId, invite.id);
		expect(await joinAfterSignIn(db, guest, `/invite/${token}`)).toBe(`/invite/${token}`);
		expect((await getCourseAccess(db, courseId, guest.id))?.membership).toBeNull();
	});

	it('leaves every other destination alone', async () => {
		expect(await joinAfterSignIn(db, guest, '/courses')).toBe('/courses');
		expect(await joinAfterSignIn(db, guest, '/invite/not-a-token')).toBe('/invite/not-a-token');
	});
});
