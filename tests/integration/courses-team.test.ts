import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '$lib/server/users';
import { authorizeCourse, changeMember, listMembers, loadTeam, presenceColor, removeMember } from '$lib/server/courses';
import { memberColor, PRESENCE_COLORS } from '$lib/collab/colors';
import { createInvite } from '$lib/server/invites';
import { requestAccess } from '$lib/server/access-requests';
import { createTestDatabase, resetTables } from '$tests/support/db';
import { addMember, buildCourse, buildUser } from '$tests/support/factories';
import { withoutLive } from '$lib/server/live-context';

const database = await createTestDatabase();
const { db } = database;

let owner: User;
let editor: User;
let viewer: User;
let stranger: User;
let courseId: string;

beforeEach(async () => {
	await resetTables(database);
	await buildUser(db, { name: 'Instance Admin' }); // first account; the people below are plain members
	owner = await buildUser(db, { name: 'Olga Owner' });
	editor = await buildUser(db, { name: 'Eddie Editor' });
	viewer = await buildUser(db, { name: 'Vera Viewer' });
	stranger = await buildUser(db, { name: 'Stan Stranger' });
	courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, editor.id, 'editor', 'lecturer');
	await addMember(db, courseId, viewer.id, 'viewer', 'student');
});

async function team(): Promise<Record<string, string>> {
	const rows = await db
		.selectFrom('course_members')
		.select(['user_id', 'role', 'perspective'])
		.where('course_id', '=', courseId)
		.execute();
	return Object.fromEntries(rows.map((r) => [r.user_id, `${r.role}/${r.perspective}`]));
}

describe('listing the team', () => {
	it('shows every member with name, role and perspective to any member', async () => {
		const members = await listMembers(db, viewer, courseId);
		expect(members.map((m) => [m.name, m.role, m.perspective]).sort()).toEqual([
			['Eddie Editor', 'editor', 'lecturer'],
			['Olga Owner', 'owner', 'lecturer'],
			['Vera Viewer', 'viewer', 'student']
		]);
	});

	it('is not found for a non-member', async () => {
		await expect(listMembers(db, stranger, courseId)).rejects.toMatchObject({ code: 'not_found' });
	});
});

describe('what members see of each other', () => {
	it('shows email addresses to owners only', async () => {
		const emails = async (who: User) =>
			Object.fromEntries((await listMembers(db, who, courseId)).map((m) => [m.name, m.email]));
		expect(await emails(owner)).toEqual({
			'Olga Owner': owner.email,
			'Eddie Editor': editor.email,
			'Vera Viewer': viewer.email
		});
		const hidden = { 'Olga Owner': null, 'Eddie Editor': null, 'Vera Viewer': null };
		expect(await emails(editor)).toEqual(hidden);
		expect(await emails(viewer)).toEqual(hidden);
	});

	it('starts showing emails to someone the moment they become an owner', async () => {
		await changeMember(withoutLive(db), owner, courseId, editor.id, { role: 'owner' });
		expect((await listMembers(db, editor, courseId)).map((m) => m.email)).not.toContain(null);
	});

	it('gives members distinct presence colours in the order they joined', async () => {
		// The three joined within one millisecond above, where the tie-break (user id) is random; space them out.
		const joinedAt = (userId: string, seconds: number) =>
			db
				.updateTable('course_members')
				.set({ joined_at: new Date(Date.UTC(2026, 0, 1, 0, 0, seconds)) })
				.where('course_id', '=', courseId)
				.where('user_id', '=', userId)
				.execute();
		await joinedAt(owner.id, 0);
		await joinedAt(editor.id, 1);
		await joinedAt(viewer.id, 2);
		const members = await listMembers(db, viewer, courseId);
		expect(members.map((m) => [m.name, m.color])).toEqual([
			['Olga Owner', memberColor(0)],
			['Eddie Editor', memberColor(1)],
			['Vera Viewer', memberColor(2)]
		]);
		for (const member of [owner, editor, viewer]) {
			const access = await authorizeCourse(db, member, courseId, 'course.view');
			expect(await presenceColor(db, access, member.id)).toBe(members.find((m) => m.userId === member.id)?.color);
		}
	});

	it('gives a coordinator reading a submitted course a colour no member has', async () => {
		const coordinator = await buildUser(db, { name: 'Cora Coordinator' });
		await db.updateTable('users').set({ role: 'coordinator' }).where('id', '=', coordinator.id).execute();
		await db.updateTable('courses').set({ status: 'in_review' }).where('id', '=', courseId).execute();
		const reader = { ...coordinator, role: 'coordinator' as const };
		const access = await authorizeCourse(db, reader, courseId, 'course.view');
		const color = await presenceColor(db, access, coordinator.id);
		expect(PRESENCE_COLORS).toContain(color);
		expect([memberColor(0), memberColor(1), memberColor(2)]).not.toContain(color);
	});
});

describe('the team page in one call', () => {
	it('gives owners the members, the open invite links and the pending access requests', async () => {
		await createInvite(db, owner, courseId, { role: 'viewer', perspective: 'student', singleUse: true });
		await requestAccess(db, stranger, courseId, { message: 'May I join?' });
		const team = await loadTeam(db, owner, courseId);
		expect(team.members).toHaveLength(3);
		expect(team.invites.map((i) => i.role)).toEqual(['viewer']);
		expect(team.requests.map((r) => [r.name, r.message])).toEqual([['Stan Stranger', 'May I join?']]);
	});

	it('gives other members the members only, without emails', async () => {
		await createInvite(db, owner, courseId, { role: 'viewer', perspective: 'student', singleUse: true });
		await requestAccess(db, stranger, courseId, { message: 'May I join?' });
		const team = await loadTeam(db, editor, courseId);
		expect(team.members.map((m) => m.email)).toEqual([null, null, null]);
		expect(team).toMatchObject({ invites: [], requests: [] });
	});

	it('is not found for someone outside the team', async () => {
		await expect(loadTeam(db, stranger, courseId)).rejects.toMatchObject({ code: 'not_found' });
	});
});

describe('changing roles and perspectives', () => {
	it('lets the owner change a member’s role and perspective, together or separately', async () => {
		await changeMember(withoutLive(db), owner, courseId, viewer.id, { role: 'commenter', perspective: 'company_partner' });
		await changeMember(withoutLive(db), owner, courseId, editor.id, { perspective: 'other' });
		await changeMember(withoutLive(db), owner, courseId, editor.id, { role: 'owner' });
		expect(await team()).toMatchObject({
			[viewer.id]: 'commenter/company_partner',
			[editor.id]: 'owner/other'
		});
	});

	it('treats a change without any field as doing nothing', async () => {
		const before = await team();
		await changeMember(withoutLive(db), owner, courseId, viewer.id, {});
		expect(await team()).toEqual(before);
	});

	it('refuses an editor (forbidden) and a non-member (not found)', async () => {
		await expect(changeMember(withoutLive(db), editor, courseId, viewer.id, { role: 'editor' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(changeMember(withoutLive(db), editor, courseId, editor.id, { role: 'owner' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(changeMember(withoutLive(db), stranger, courseId, viewer.id, { role: 'editor' })).rejects.toMatchObject({
			code: 'not_found'
		});
		expect(await team()).toMatchObject({ [viewer.id]: 'viewer/student', [editor.id]: 'editor/lecturer' });
	});

	it('says not found for someone who is not in the course', async () => {
		await expect(changeMember(withoutLive(db), owner, courseId, stranger.id, { role: 'editor' })).rejects.toMatchObject({
			code: 'not_found'
		});
		expect(Object.keys(await team())).not.toContain(stranger.id);
	});
});

describe('removing and leaving', () => {
	it('lets the owner remove a member', async () => {
		await removeMember(withoutLive(db), owner, courseId, viewer.id);
		expect(Object.keys(await team())).not.toContain(viewer.id);
		await expect(listMembers(db, viewer, courseId)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('does not let an editor remove someone else', async () => {
		await expect(removeMember(withoutLive(db), editor, courseId, viewer.id)).rejects.toMatchObject({ code: 'forbidden' });
		expect(Object.keys(await team())).toContain(viewer.id);
	});

	it('lets any member leave', async () => {
		await removeMember(withoutLive(db), viewer, courseId, viewer.id);
		await removeMember(withoutLive(db), editor, courseId, editor.id);
		expect(Object.keys(await team())).toEqual([owner.id]);
	});

	it('says not found when a non-member tries to leave', async () => {
		await expect(removeMember(withoutLive(db), stranger, courseId, stranger.id)).rejects.toMatchObject({ code: 'not_found' });
	});
});

describe('a course always keeps an owner', () => {
	it('stops the only owner from leaving, demoting themselves or being removed', async () => {
		await expect(removeMember(withoutLive(db), owner, courseId, owner.id)).rejects.toMatchObject({ code: 'conflict' });
		await expect(changeMember(withoutLive(db), owner, courseId, owner.id, { role: 'editor' })).rejects.toMatchObject({
			code: 'conflict'
		});
		expect((await team())[owner.id]).toBe('owner/lecturer');
	});

	it('still lets the only owner change their own perspective', async () => {
		await changeMember(withoutLive(db), owner, courseId, owner.id, { perspective: 'coordinator' });
		await changeMember(withoutLive(db), owner, courseId, owner.id, { role: 'owner', perspective: 'other' });
		expect((await team())[owner.id]).toBe('owner/other');
	});

	it('allows leaving, demotion and removal once a second owner exists', async () => {
		await changeMember(withoutLive(db), owner, courseId, editor.id, { role: 'owner' });
		// The new owner demotes the original one, who then is removed by the new owner.
		await changeMember(withoutLive(db), editor, courseId, owner.id, { role: 'editor' });
		expect((await team())[owner.id]).toBe('editor/lecturer');
		await removeMember(withoutLive(db), editor, courseId, owner.id);
		expect(Object.keys(await team()).sort()).toEqual([editor.id, viewer.id].sort());
		// And now the remaining owner is the last one again.
		await expect(removeMember(withoutLive(db), editor, courseId, editor.id)).rejects.toMatchObject({ code: 'conflict' });
	});

	it('lets one of two owners leave', async () => {
		await changeMember(withoutLive(db), owner, courseId, editor.id, { role: 'owner' });
		await removeMember(withoutLive(db), owner, courseId, owner.id);
		expect((await team())[editor.id]).toBe('owner/lecturer');
		expect(Object.keys(await team())).not.toContain(owner.id);
	});

	it('lets exactly one of two owners leave when both try at the same time', async () => {
		await changeMember(withoutLive(db), owner, courseId, editor.id, { role: 'owner' });
		const results = await Promise.allSettled([
			removeMember(withoutLive(db), owner, courseId, owner.id),
			removeMember(withoutLive(db), editor, courseId, editor.id)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(rejected.reason).toMatchObject({ code: 'conflict' });
		const owners = Object.values(await team()).filter((v) => v.startsWith('owner/'));
		expect(owners).toHaveLength(1);
	});

	it('keeps an owner when two owners demote each other at the same time', async () => {
		await changeMember(withoutLive(db), owner, courseId, editor.id, { role: 'owner' });
		const results = await Promise.allSettled([
			changeMember(withoutLive(db), owner, courseId, editor.id, { role: 'viewer' }),
			changeMember(withoutLive(db), editor, courseId, owner.id, { role: 'viewer' })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const owners = Object.values(await team()).filter((v) => v.startsWith('owner/'));
		expect(owners).toHaveLength(1);
	});
});
