import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { addOutcome, getText, setMeta } from '$lib/course-spec/mutations';
import { changeCourseDoc } from '$lib/server/course-docs';
import { acceptSuggestion, createThread } from '$lib/server/comments';
import { courseContributions } from '$lib/server/contributions';
import { EDIT_SESSION_GAP_MINUTES, recordFieldEdits } from '$lib/server/contributions/attribution';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { connectProvider, waitFor, waitForSynced } from '$tests/support/realtime-clients';

// Who took part and how, from edits made through real y-websocket clients: attribution is written
// when edits are stored, so it is still there after compaction has folded the update rows away.

const { db } = await createTestDatabase();
let server: TestRealtimeServer;
type Person = Awaited<ReturnType<typeof buildUser>>;
let owner: Person, partner: Person, student: Person;
let courseId: string;
let outcomeId: string;
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
	owner = await buildUser(db, { name: 'Liisa Lecturer' });
	partner = await buildUser(db, { name: 'Pekka Partner' });
	student = await buildUser(db, { name: 'Sanna Student' });
	courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, partner.id, 'editor', 'company_partner');
	await addMember(db, courseId, student.id, 'commenter', 'student');
	// Compaction after every second stored batch.
	server = await startRealtimeServer(db, { compactAfterRows: 2 });
	await changeCourseDoc(server.ctx, courseId, owner.id, (doc) => {
		outcomeId = addOutcome(doc, { en: 'Analyse platform business models' });
	});
});
afterEach(() => {
	for (const provider of providers.splice(0)) provider.destroy();
});
afterAll(() => server?.close());

const storedRows = async () =>
	(await db.selectFrom('course_doc_updates').select('id').where('course_id', '=', courseId).execute()).length;

describe('contributions', () => {
	it('credits each person with the fields they edited, and keeps it through compaction', async () => {
		const provider = connectProvider(server.collabUrl, courseId, { token: await buildSession(db, partner.id), origin: server.origin });
		providers.push(provider);
		await waitForSynced(provider);
		const text = getText(provider.doc, 'outcomeText', 'en', outcomeId)!;
		for (const word of [' for', ' small', ' companies']) {
			text.insert(text.length, word);
			await waitFor(async () => (await db.selectFrom('course_field_edits').select('edits').where('user_id', '=', partner.id).execute()).length > 0);
		}
		setMeta(provider.doc, 'ectsCredits', 3);
		await waitFor(async () =>
			(await db.selectFrom('course_field_edits').select('field_key').where('user_id', '=', partner.id).execute()).some((r) => r.field_key === 'ectsCredits')
		);
		await waitFor(async () => (await db.selectFrom('course_doc_state').select('course_id').where('course_id', '=', courseId).executeTakeFirst()) !== undefined, {
			message: 'a compaction'
		});
		expect(await storedRows()).toBeLessThan(4);

		const { people } = await courseContributions(db, owner, courseId);
		const pekka = people.find((p) => p.userId === partner.id)!;
		expect(pekka.perspective).toBe('company_partner');
		expect(pekka.sections.map((s) => s.key)).toEqual(['overview', 'outcomes']);
		expect(pekka.sections.find((s) => s.key === 'outcomes')?.edits).toBeGreaterThanOrEqual(1);
		const rows = await db.selectFrom('course_field_edits').select(['field_key', 'item_id']).where('user_id', '=', partner.id).execute();
		expect(rows).toEqual(expect.arrayContaining([{ field_key: 'outcomeText', item_id: outcomeId }, { field_key: 'ectsCredits', item_id: '' }]));
	});

	it('credits two people typing at once each with their own field only', async () => {
		const course = (await buildCourse(db, owner)).id;
		await addMember(db, course, partner.id, 'editor', 'company_partner');
		const join = async (person: Person) => {
			const provider = connectProvider(server.collabUrl, course, { token: await buildSession(db, person.id), origin: server.origin });
			providers.push(provider);
			await waitForSynced(provider);
			return provider.doc;
		};
		const [liisa, pekka] = [await join(owner), await join(partner)];
		const title = getText(liisa, 'title', 'en');
		const prerequisites = getText(pekka, 'prerequisites', 'en');
		// Keystrokes in turn, far closer together than the recorder's one-second window.
		for (const letter of 'abcdefgh') {
			title.insert(title.length, letter);
			prerequisites.insert(prerequisites.length, letter);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		const fieldsOf = async (person: Person) =>
			(await db.selectFrom('course_field_edits').select('field_key').where('course_id', '=', course).where('user_id', '=', person.id).execute()).map((r) => r.field_key);
		await waitFor(async () => (await fieldsOf(owner)).length > 0 && (await fieldsOf(partner)).length > 0, { message: 'both to be credited' });
		// Once each, a second after their last keystroke; nothing of the other's may come later either.
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		expect(await fieldsOf(owner)).toEqual(['title']);
		expect(await fieldsOf(partner)).toEqual(['prerequisites']);
	});

	it('counts a person\'s work on a field once until they leave it alone for ten minutes', async () => {
		const touch = [{ field: 'prerequisites', itemId: '' }];
		const count = async () =>
			(await db.selectFrom('course_field_edits').select('edits').where('course_id', '=', courseId).where('user_id', '=', partner.id).where('field_key', '=', 'prerequisites').executeTakeFirstOrThrow()).edits;
		for (let i = 0; i < 5; i++) await recordFieldEdits(db, courseId, [partner.id], touch);
		expect(await count()).toBe(1);
		await db
			.updateTable('course_field_edits')
			.set({ last_edited_at: new Date(Date.now() - (EDIT_SESSION_GAP_MINUTES + 1) * 60_000) })
			.where('course_id', '=', courseId)
			.where('user_id', '=', partner.id)
			.where('field_key', '=', 'prerequisites')
			.execute();
		await recordFieldEdits(db, courseId, [partner.id], touch);
		await recordFieldEdits(db, courseId, [partner.id], touch);
		expect(await count()).toBe(2);
	});

	it('counts comments, suggestions made and accepted, and who co-created by perspective', async () => {
		await createThread(server.ctx, student, courseId, { anchor: { kind: 'field', field: 'title' }, body: 'Catchier title?' });
		const suggestion = await createThread(server.ctx, student, courseId, {
			suggestion: { op: 'addItem', list: 'learningOutcomes', lang: 'en', text: 'Pitch a platform idea' }
		});
		await acceptSuggestion(server.ctx, owner, suggestion);
		// The accepted change is the student's edit, so it counts as theirs too.
		await waitFor(async () =>
			(await db.selectFrom('course_field_edits').select('field_key').where('user_id', '=', student.id).execute()).some((r) => r.field_key === 'learningOutcomes')
		);
		const result = await courseContributions(db, owner, courseId);
		const sanna = result.people.find((p) => p.userId === student.id)!;
		expect(sanna).toMatchObject({ comments: 1, suggestions: 1, accepted: 1, perspective: 'student' });
		expect(result).toMatchObject({ students: 1, companyPartners: 1 });
		expect(result.byPerspective.find((t) => t.perspective === 'student')).toMatchObject({ people: 1, comments: 1, suggestions: 1, accepted: 1 });
		await expect(courseContributions(db, await buildUser(db), courseId)).rejects.toMatchObject({ code: 'not_found' });
	});
});
