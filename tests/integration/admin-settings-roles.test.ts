import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToSpec } from '$lib/course-spec/doc';
import { createCourse } from '$lib/server/courses';
import { getProviderProfile, updateProviderProfile, type ProviderProfile } from '$lib/server/settings';
import { listUsers, setCoordinator, type User } from '$lib/server/users';
import { validateSessionToken } from '$lib/server/auth';
import { createTestDatabase, resetTables } from '$tests/support/db';
import { buildSession, buildUser } from '$tests/support/factories';
import { withoutLive } from '$lib/server/live-context';

const database = await createTestDatabase();
const { db } = database;

const BLANK: ProviderProfile = { organisationName: '', country: '', website: '', qaStatement: '', hoursPerEcts: 27 };
const PROFILE: ProviderProfile = {
	organisationName: 'Tampere Applied Sciences',
	country: 'FI',
	website: 'https://tamk.example',
	qaStatement: 'Reviewed by the curriculum board.',
	hoursPerEcts: 27
};

let admin: User;
let member: User;
let coordinator: User;

beforeEach(async () => {
	await resetTables(database);
	// The singleton profile row survives resetTables; put it back to its defaults.
	await db
		.updateTable('provider_profile')
		.set({ organisation_name: '', country: '', website: '', qa_statement: '', hours_per_ects: 27 })
		.execute();
	admin = await buildUser(db, { name: 'Ada Admin' });
	member = await buildUser(db, { name: 'Mel Member' });
	coordinator = await buildUser(db, { name: 'Coco Coordinator' });
	coordinator = await setCoordinator(withoutLive(db), admin, coordinator.id, true);
});

describe('the provider profile', () => {
	it('starts blank with 27 hours per ECTS', async () => {
		expect(await getProviderProfile(db)).toEqual(BLANK);
	});

	it('can be updated by the admin', async () => {
		await updateProviderProfile(db, admin, PROFILE);
		expect(await getProviderProfile(db)).toEqual(PROFILE);
		await updateProviderProfile(db, admin, { ...PROFILE, hoursPerEcts: 30 });
		expect((await getProviderProfile(db)).hoursPerEcts).toBe(30);
	});

	it.each(['member', 'coordinator'] as const)('is forbidden to a %s and stays unchanged', async (who) => {
		const actor = who === 'member' ? member : coordinator;
		await expect(updateProviderProfile(db, actor, PROFILE)).rejects.toMatchObject({ code: 'forbidden', status: 403 });
		expect(await getProviderProfile(db)).toEqual(BLANK);
	});

	it('is what a new course is pre-filled from', async () => {
		await updateProviderProfile(db, admin, PROFILE);
		const { id } = await createCourse(db, member, { title: 'Profiled course' });
		const rows = await db.selectFrom('course_doc_updates').select('update').where('course_id', '=', id).execute();
		const doc = new Y.Doc();
		for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
		const spec = docToSpec(doc);
		expect(spec.title).toEqual({ en: 'Profiled course' });
		expect(spec.awardingBody).toEqual({ name: { en: PROFILE.organisationName }, country: 'FI', website: PROFILE.website });
		expect(spec.qualityAssurance.statement).toEqual({ en: PROFILE.qaStatement });
	});
});

describe('setCoordinator', () => {
	it('lets the admin make a member a coordinator and back', async () => {
		const promoted = await setCoordinator(withoutLive(db), admin, member.id, true);
		expect(promoted).toMatchObject({ id: member.id, role: 'coordinator' });
		const demoted = await setCoordinator(withoutLive(db), admin, member.id, false);
		expect(demoted.role).toBe('member');
		expect((await listUsers(db)).map((u) => [u.name, u.role])).toEqual([
			['Ada Admin', 'admin'],
			['Mel Member', 'member'],
			['Coco Coordinator', 'coordinator']
		]);
	});

	it('takes effect in the user’s existing sessions', async () => {
		const token = await buildSession(db, member.id);
		await setCoordinator(withoutLive(db), admin, member.id, true);
		expect((await validateSessionToken(db, token)).user?.role).toBe('coordinator');
	});

	it.each(['member', 'coordinator'] as const)('is forbidden to a %s', async (who) => {
		const actor = who === 'member' ? member : coordinator;
		await expect(setCoordinator(withoutLive(db), actor, member.id, true)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(setCoordinator(withoutLive(db), actor, actor.id, true)).rejects.toMatchObject({ code: 'forbidden' });
		expect((await listUsers(db)).find((u) => u.id === member.id)?.role).toBe('member');
	});

	it('cannot change the admin, not even by the admin', async () => {
		for (const coordinatorFlag of [true, false]) {
			await expect(setCoordinator(withoutLive(db), admin, admin.id, coordinatorFlag)).rejects.toMatchObject({ code: 'invalid' });
		}
		expect((await listUsers(db)).find((u) => u.id === admin.id)?.role).toBe('admin');
	});

	it('says not found for an unknown user', async () => {
		await expect(setCoordinator(withoutLive(db), admin, 'a'.repeat(24), true)).rejects.toMatchObject({ code: 'not_found' });
	});
});
