import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import * as Y from 'yjs';
import { addOutcome, docToSpec, getText, replaceText, setMeta } from '$lib/course-spec';
import type { DatabaseHandle } from '$lib/server/db';
import { setCourseArchived } from '$lib/server/courses';
import { isDomainError } from '$lib/server/errors';
import { appendDocUpdate, loadDocState } from '$lib/server/realtime/persistence';
import { getVersion, listVersions, restoreVersion, saveVersion } from '$lib/server/versions';
import { restoreVersionSchema, saveVersionSchema } from '$lib/server/versions/schema';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildUser } from '$tests/support/factories';
import { withoutLive } from '$lib/server/live-context';

// No realtime server runs here (the verbs are given withoutLive(db)), so they read and write the
// stored document directly; versions-restore.test.ts and the browser test cover the live path.
const database: DatabaseHandle = await createTestDatabase();
const db = database.db;
type Person = Awaited<ReturnType<typeof buildUser>>;
let owner: Person;
let editor: Person;
let commenter: Person;
let viewer: Person;
let stranger: Person;

beforeAll(async () => {
	owner = await buildUser(db, { name: 'Olga Owner' });
	editor = await buildUser(db, { name: 'Eero Editor' });
	commenter = await buildUser(db, { name: 'Cecilia Commenter' });
	viewer = await buildUser(db, { name: 'Ville Viewer' });
	stranger = await buildUser(db, { name: 'Stina Stranger' });
});

async function newCourse(): Promise<string> {
	const { id } = await buildCourse(db, owner);
	await addMember(db, id, editor.id, 'editor');
	await addMember(db, id, commenter.id, 'commenter');
	await addMember(db, id, viewer.id, 'viewer');
	return id;
}

async function storedDoc(courseId: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await loadDocState(db, courseId));
	return doc;
}

/** Edits the stored document as a peer would: one appended update holding just the change. */
async function edit(courseId: string, author: Person, change: (doc: Y.Doc) => void): Promise<void> {
	const doc = await storedDoc(courseId);
	const before = Y.encodeStateVector(doc);
	change(doc);
	await appendDocUpdate(db, courseId, Y.encodeStateAsUpdate(doc, before), [author.id]);
	doc.destroy();
}

const setTargetGroup = (courseId: string, text: string) =>
	edit(courseId, editor, (doc) => replaceText(getText(doc, 'targetGroup', 'en'), text));

async function currentSpec(courseId: string) {
	const doc = await storedDoc(courseId);
	const spec = docToSpec(doc);
	doc.destroy();
	return spec;
}

async function updateRows(courseId: string): Promise<number> {
	const rows = await db.selectFrom('course_doc_updates').select('id').where('course_id', '=', courseId).execute();
	return rows.length;
}

async function domainCode(work: Promise<unknown>): Promise<string> {
	try {
		await work;
	} catch (err) {
		if (isDomainError(err)) return err.code;
		throw err;
	}
	return 'ok';
}

describe('saving and viewing versions', () => {
	it('saves the document as it is, lists it and shows it later as it was', async () => {
		const courseId = await newCourse();
		await setTargetGroup(courseId, 'Owners of small businesses');
		await edit(courseId, editor, (doc) => {
			addOutcome(doc, { en: 'Compare platform business models' });
			setMeta(doc, 'ectsCredits', 2);
		});
		const atSave = await currentSpec(courseId);

		const saved = await saveVersion(withoutLive(db), editor, courseId, '  First draft  ');
		expect(saved).toMatchObject({ number: 1, kind: 'named', name: 'First draft', title: 'First draft', savedBy: 'Eero Editor' });
		expect(saved.createdAt).toBeInstanceOf(Date);

		await setTargetGroup(courseId, 'Anyone curious about platforms');
		const list = await listVersions(db, viewer, courseId);
		expect(list).toEqual([
			{
				number: 1,
				kind: 'named',
				name: 'First draft',
				title: 'First draft',
				savedBy: 'Eero Editor',
				participants: [],
				restoredFrom: null,
				createdAt: saved.createdAt
			}
		]);

		const version = await getVersion(db, viewer, courseId, 1);
		expect(version.spec).toEqual(atSave);
		expect(version.spec.targetGroup.text).toEqual({ en: 'Owners of small businesses' });
		expect(version.spec.learningOutcomes.map((o) => o.text.en)).toEqual(['Compare platform business models']);
		expect(version.spec.ectsCredits).toBe(2);
		expect((await currentSpec(courseId)).targetGroup.text).toEqual({ en: 'Anyone curious about platforms' });

		// The stored Yjs state is the document at that moment, too.
		const row = await db.selectFrom('course_versions').select('state').where('course_id', '=', courseId).executeTakeFirstOrThrow();
		const fromState = new Y.Doc();
		Y.applyUpdate(fromState, row.state);
		expect(docToSpec(fromState)).toEqual(atSave);
	});

	it('numbers versions 1, 2, 3… per course and lists the newest first', async () => {
		const courseId = await newCourse();
		const other = await newCourse();
		await saveVersion(withoutLive(db), owner, courseId, 'One');
		await saveVersion(withoutLive(db), editor, courseId, 'Two');
		await saveVersion(withoutLive(db), owner, other, 'Elsewhere');
		await saveVersion(withoutLive(db), owner, courseId, 'Three');
		const list = await listVersions(db, viewer, courseId);
		expect(list.map((x) => [x.number, x.name, x.savedBy])).toEqual([
			[3, 'Three', 'Olga Owner'],
			[2, 'Two', 'Eero Editor'],
			[1, 'One', 'Olga Owner']
		]);
		expect((await listVersions(db, owner, other)).map((x) => x.number)).toEqual([1]);
	});

	it('gives concurrent saves distinct numbers', async () => {
		const courseId = await newCourse();
		const saved = await Promise.all(
			[owner, editor, owner, editor, owner, editor].map((p, i) => saveVersion(withoutLive(db), p, courseId, `Save ${i}`))
		);
		expect(saved.map((s) => s.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('lets owners and editors save, not commenters or viewers, and nobody on an archived course', async () => {
		const courseId = await newCourse();
		for (const person of [owner, editor]) {
			expect(await domainCode(saveVersion(withoutLive(db), person, courseId, `By ${person.name}`))).toBe('ok');
		}
		for (const person of [commenter, viewer]) {
			expect(await domainCode(saveVersion(withoutLive(db), person, courseId, `By ${person.name}`))).toBe('forbidden');
		}
		await setCourseArchived(withoutLive(db), owner, courseId, true);
		expect(await domainCode(saveVersion(withoutLive(db), owner, courseId, 'Too late'))).toBe('forbidden');
		// Archived courses stay readable.
		expect(await listVersions(db, viewer, courseId)).toHaveLength(2);
		expect(await domainCode(restoreVersion(withoutLive(db), owner, courseId, 1))).toBe('forbidden');
	});

	it('hides a course from non-members as if it did not exist', async () => {
		const courseId = await newCourse();
		await saveVersion(withoutLive(db), owner, courseId, 'Private');
		expect(await domainCode(saveVersion(withoutLive(db), stranger, courseId, 'Mine now'))).toBe('not_found');
		expect(await domainCode(listVersions(db, stranger, courseId))).toBe('not_found');
		expect(await domainCode(getVersion(db, stranger, courseId, 1))).toBe('not_found');
		expect(await domainCode(restoreVersion(withoutLive(db), stranger, courseId, 1))).toBe('not_found');
	});

	it('reports a version that does not exist as not found', async () => {
		const courseId = await newCourse();
		expect(await domainCode(getVersion(db, owner, courseId, 1))).toBe('not_found');
		expect(await domainCode(restoreVersion(withoutLive(db), owner, courseId, 7))).toBe('not_found');
	});

	it('rejects names that are empty or too long, next to the name field', async () => {
		const courseId = await newCourse();
		for (const name of ['', '   ', 'x'.repeat(121)]) {
			const err = await saveVersion(withoutLive(db), owner, courseId, name).catch((e: unknown) => e);
			expect(isDomainError(err) && err.code === 'invalid' && err.field === 'name').toBe(true);
		}
		expect(await saveVersion(withoutLive(db), owner, courseId, 'x'.repeat(120))).toMatchObject({ number: 1 });

		const empty = v.safeParse(saveVersionSchema, { name: '  ' });
		expect(empty.success).toBe(false);
		expect(empty.issues?.[0].message).toMatch(/name/i);
		const long = v.safeParse(saveVersionSchema, { name: 'y'.repeat(121) });
		expect(long.issues?.[0].message).toBe('Keep the name to 120 characters or fewer.');
		expect(v.safeParse(saveVersionSchema, { name: ' Sent to partners ' }).output).toEqual({ name: 'Sent to partners' });
		expect(v.safeParse(restoreVersionSchema, { number: '3' }).output).toEqual({ number: 3 });
		for (const number of ['0', '-1', '1.5', 'abc', '']) {
			expect(v.safeParse(restoreVersionSchema, { number }).success).toBe(false);
		}
	});
});

describe('restoring a version', () => {
	it('makes the document say what the version says, as a new change on top', async () => {
		const courseId = await newCourse();
		await setTargetGroup(courseId, 'Owners of small businesses');
		let outcome = '';
		await edit(courseId, editor, (doc) => {
			outcome = addOutcome(doc, { en: 'Compare platform business models' });
		});
		const version = await saveVersion(withoutLive(db), editor, courseId, 'First draft');
		const saved = await getVersion(db, editor, courseId, version.number);

		await setTargetGroup(courseId, 'Anyone curious about platforms');
		await edit(courseId, owner, (doc) => {
			addOutcome(doc, { en: 'Explain network effects' });
			setMeta(doc, 'ectsCredits', 5);
			replaceText(getText(doc, 'prerequisites', 'en'), 'None');
		});
		expect(await currentSpec(courseId)).not.toEqual(saved.spec);

		const rowsBefore = await db
			.selectFrom('course_doc_updates')
			.select(['id', 'update'])
			.where('course_id', '=', courseId)
			.orderBy('id')
			.execute();
		expect(await restoreVersion(withoutLive(db), editor, courseId, 1)).toEqual({ restored: 1, keptAs: 2, recordedAs: 3 });

		const restored = await currentSpec(courseId);
		expect(restored).toEqual(saved.spec);
		expect(restored.learningOutcomes.map((o) => o.id)).toEqual([outcome]);

		// History is not rewritten: every earlier row is still there, unchanged, and one was added.
		const rowsAfter = await db
			.selectFrom('course_doc_updates')
			.select(['id', 'update', 'author_ids'])
			.where('course_id', '=', courseId)
			.orderBy('id')
			.execute();
		expect(rowsAfter).toHaveLength(rowsBefore.length + 1);
		expect(rowsAfter.slice(0, -1).map((r) => [String(r.id), Buffer.from(r.update).toString('base64')])).toEqual(
			rowsBefore.map((r) => [String(r.id), Buffer.from(r.update).toString('base64')])
		);
		expect(rowsAfter.at(-1)!.author_ids).toEqual([editor.id]);
		// The state before the restore is kept, and the restore itself is in the list.
		expect((await listVersions(db, editor, courseId)).map((x) => [x.number, x.kind, x.title])).toEqual([
			[3, 'restore', 'Restored v1'],
			[2, 'before_restore', 'Before restoring v1'],
			[1, 'named', 'First draft']
		]);
	});

	it('can restore an older version after a newer one, and restoring again changes nothing visible', async () => {
		const courseId = await newCourse();
		await setTargetGroup(courseId, 'A');
		await saveVersion(withoutLive(db), owner, courseId, 'A');
		await setTargetGroup(courseId, 'B');
		await edit(courseId, owner, (doc) => addOutcome(doc, { en: 'Outcome of B' }));
		await saveVersion(withoutLive(db), owner, courseId, 'B');
		await setTargetGroup(courseId, 'C');

		await restoreVersion(withoutLive(db), owner, courseId, 1);
		expect(await currentSpec(courseId)).toEqual((await getVersion(db, owner, courseId, 1)).spec);
		await restoreVersion(withoutLive(db), owner, courseId, 2);
		expect(await currentSpec(courseId)).toEqual((await getVersion(db, owner, courseId, 2)).spec);
		const rows = await updateRows(courseId);
		await restoreVersion(withoutLive(db), owner, courseId, 2);
		expect(await currentSpec(courseId)).toEqual((await getVersion(db, owner, courseId, 2)).spec);
		expect(await updateRows(courseId)).toBeGreaterThanOrEqual(rows);
	});

	it('is for editors and owners only', async () => {
		const courseId = await newCourse();
		await saveVersion(withoutLive(db), editor, courseId, 'Saved by an editor');
		const rows = await updateRows(courseId);
		expect(await domainCode(restoreVersion(withoutLive(db), commenter, courseId, 1))).toBe('forbidden');
		expect(await domainCode(restoreVersion(withoutLive(db), viewer, courseId, 1))).toBe('forbidden');
		expect(await updateRows(courseId)).toBe(rows);
		expect(await domainCode(restoreVersion(withoutLive(db), editor, courseId, 1))).toBe('ok');
		expect(await domainCode(restoreVersion(withoutLive(db), owner, courseId, 1))).toBe('ok');
	});
});
