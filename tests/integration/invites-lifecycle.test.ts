import { beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { User } from '$lib/server/users';
import { generateSecretToken } from '$lib/server/ids';
import {
	acceptInvite,
	createInvite,
	InviteUnusableError,
	listInvites,
	previewInvite,
	revokeInvite,
	type InviteRole
} from '$lib/server/invites';
import { listMembers } from '$lib/server/courses';
import { createTestDatabase, resetTables } from '$tests/support/db';
import { addMember, buildCourse, buildUser } from '$tests/support/factories';

const database = await createTestDatabase();
const { db } = database;

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2031-05-01T09:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

let owner: User;
let courseId: string;

beforeEach(async () => {
	await resetTables(database);
	await buildUser(db, { name: 'Instance Admin' }); // the first account; everyone below is a plain member
	owner = await buildUser(db, { name: 'Olga Owner' });
	courseId = (await buildCourse(db, owner, 'Circular supply chains')).id;
});

function invite(role: InviteRole = 'editor', singleUse = true, perspective = 'company_partner' as const) {
	return createInvite(db, owner, courseId, { role, perspective, singleUse, expiresInDays: 14 }, T0);
}

async function membership(userId: string) {
	const members = await listMembers(db, owner, courseId);
	return members.find((m) => m.userId === userId) ?? null;
}

async function unusable(attempt: Promise<unknown>, reason: InviteUnusableError['reason']) {
	const err = await attempt.then(
		() => null,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(InviteUnusableError);
	expect(err).toMatchObject({ reason, code: reason === 'unknown' ? 'not_found' : 'conflict' });
}

describe('creating an invite', () => {
	it('returns the token once and stores only its SHA-256', async () => {
		const { token, invite: created } = await invite();
		expect(created).toMatchObject({ role: 'editor', singleUse: true, useCount: 0, expiresAt: at(14), createdBy: 'Olga Owner' });

		const rows = await db.selectFrom('course_invites').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	it('is listed for the owner while it can be used, with who created it and when', async () => {
		const { invite: created } = await invite('viewer', false);
		expect(await listInvites(db, owner, courseId, at(1))).toEqual([created]);
		expect(created).toMatchObject({ role: 'viewer', perspective: 'company_partner', singleUse: false, createdAt: T0 });
		expect(await listInvites(db, owner, courseId, at(15))).toEqual([]);
	});

	it('keeps the earlier link listed when a second one is created, newest first', async () => {
		const first = await invite('editor', true);
		const second = await createInvite(
			db,
			owner,
			courseId,
			{ role: 'commenter', perspective: 'student', singleUse: false, expiresInDays: 30 },
			new Date(T0.getTime() + 60_000)
		);
		const listed = await listInvites(db, owner, courseId, at(1));
		expect(listed.map((i) => i.id)).toEqual([second.invite.id, first.invite.id]);
		expect(listed.map((i) => [i.role, i.perspective, i.singleUse, i.createdBy])).toEqual([
			['commenter', 'student', false, 'Olga Owner'],
			['editor', 'company_partner', true, 'Olga Owner']
		]);
		expect(JSON.stringify(listed)).not.toContain(first.token);
	});
});

describe('preview and accept', () => {
	it('previews the course, role, perspective and inviter without joining', async () => {
		const { token } = await invite('commenter', true, 'company_partner');
		expect(await previewInvite(db, token, at(1))).toEqual({
			courseId,
			courseTitle: 'Circular supply chains',
			role: 'commenter',
			perspective: 'company_partner',
			invitedBy: 'Olga Owner'
		});
		expect(await db.selectFrom('course_members').select('user_id').execute()).toHaveLength(1);
	});

	it('joins with the invite’s role and perspective', async () => {
		const { token } = await invite('commenter', true, 'company_partner');
		const guest = await buildUser(db);
		expect(await acceptInvite(db, guest, token, at(1))).toEqual({ courseId });
		expect(await membership(guest.id)).toMatchObject({ role: 'commenter', perspective: 'company_partner' });
	});

	it('upgrades a lower role but never downgrades a higher one', async () => {
		const editor = await buildUser(db);
		const viewer = await buildUser(db);
		await addMember(db, courseId, editor.id, 'editor', 'lecturer');
		await addMember(db, courseId, viewer.id, 'viewer', 'student');

		await acceptInvite(db, editor, (await invite('viewer', false)).token, at(1));
		await acceptInvite(db, viewer, (await invite('commenter', false)).token, at(1));
		await acceptInvite(db, owner, (await invite('editor', false)).token, at(1));

		expect(await membership(editor.id)).toMatchObject({ role: 'editor', perspective: 'lecturer' });
		expect(await membership(viewer.id)).toMatchObject({ role: 'commenter', perspective: 'student' });
		expect(await membership(owner.id)).toMatchObject({ role: 'owner' });
	});
});

describe('unusable invites', () => {
	it('is expired once `now` reaches its expiry', async () => {
		const { token } = await invite();
		const guest = await buildUser(db);
		await unusable(previewInvite(db, token, at(14)), 'expired');
		await unusable(acceptInvite(db, guest, token, at(20)), 'expired');
		// A moment earlier it still works.
		await acceptInvite(db, guest, token, new Date(at(14).getTime() - 1));
		expect(await membership(guest.id)).not.toBeNull();
	});

	it('is revoked after the owner revokes it', async () => {
		const { token, invite: created } = await invite('viewer', false);
		await revokeInvite(db, owner, courseId, created.id);
		await unusable(acceptInvite(db, await buildUser(db), token, at(1)), 'revoked');
		expect(await listInvites(db, owner, courseId, at(1))).toEqual([]);
		// Revoking twice says the invite is gone.
		await expect(revokeInvite(db, owner, courseId, created.id)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('is used after a single-use link has been accepted once', async () => {
		const { token } = await invite('editor', true);
		await acceptInvite(db, await buildUser(db), token, at(1));
		const second = await buildUser(db);
		await unusable(acceptInvite(db, second, token, at(1)), 'used');
		expect(await membership(second.id)).toBeNull();
		expect(await listInvites(db, owner, courseId, at(1))).toEqual([]);
	});

	it('lets exactly one of two people use a single-use link at the same time', async () => {
		const { token } = await invite('editor', true);
		const [a, b] = [await buildUser(db), await buildUser(db)];
		const results = await Promise.allSettled([acceptInvite(db, a, token, at(1)), acceptInvite(db, b, token, at(1))]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const [rejected] = results.filter((r) => r.status === 'rejected');
		expect(rejected.reason).toMatchObject({ reason: 'used' });
		expect(await db.selectFrom('course_members').select('user_id').execute()).toHaveLength(2);
	});

	it('lets a multi-use link bring in two people', async () => {
		const { token } = await invite('viewer', false);
		const [a, b] = [await buildUser(db), await buildUser(db)];
		await acceptInvite(db, a, token, at(1));
		await acceptInvite(db, b, token, at(2));
		expect(await membership(a.id)).toMatchObject({ role: 'viewer' });
		expect(await membership(b.id)).toMatchObject({ role: 'viewer' });
		expect((await listInvites(db, owner, courseId, at(2)))[0]).toMatchObject({ useCount: 2 });
	});

	it.each([
		['malformed', 'not-a-token'],
		['empty', ''],
		['well-formed but unknown', generateSecretToken()]
	])('is unknown for a %s token', async (_, token) => {
		await unusable(previewInvite(db, token, at(1)), 'unknown');
		await unusable(acceptInvite(db, await buildUser(db), token, at(1)), 'unknown');
	});
});

describe('who manages invites', () => {
	it('refuses editors (forbidden) and non-members (not found)', async () => {
		const editor = await buildUser(db);
		const stranger = await buildUser(db);
		await addMember(db, courseId, editor.id, 'editor');
		const { invite: created } = await invite();
		const input = { role: 'viewer', perspective: 'student', singleUse: false } as const;

		for (const [actor, code] of [
			[editor, 'forbidden'],
			[stranger, 'not_found']
		] as const) {
			await expect(createInvite(db, actor, courseId, input, T0)).rejects.toMatchObject({ code });
			await expect(listInvites(db, actor, courseId, T0)).rejects.toMatchObject({ code });
			await expect(revokeInvite(db, actor, courseId, created.id)).rejects.toMatchObject({ code });
		}
		expect(await listInvites(db, owner, courseId, T0)).toEqual([created]);
	});

	it('only revokes invites of the course named', async () => {
		const otherCourse = (await buildCourse(db, owner, 'Another course')).id;
		const { invite: created } = await invite();
		await expect(revokeInvite(db, owner, otherCourse, created.id)).rejects.toMatchObject({ code: 'not_found' });
		expect((await listInvites(db, owner, courseId, T0)).map((i) => i.id)).toEqual([created.id]);
	});
});
