import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOutcome, getText, setMeta } from '$lib/course-spec/mutations';
import { isDomainError } from '$lib/server/errors';
import { appendDocUpdate, loadDocState } from '$lib/server/realtime/persistence';
import { compareVersions, saveVersion } from '$lib/server/versions';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildUser } from '$tests/support/factories';
import { withoutLive } from '$lib/server/live-context';

// Comparing versions through the domain verb: versions and the current document, field by field.

const { db } = await createTestDatabase();

async function edit(courseId: string, authorId: string, change: (doc: Y.Doc) => void): Promise<void> {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await loadDocState(db, courseId));
	const before = Y.encodeStateVector(doc);
	change(doc);
	await appendDocUpdate(db, courseId, Y.encodeStateAsUpdate(doc, before), [authorId]);
}

const failure = (work: Promise<unknown>) =>
	work.then(
		() => null,
		(err: unknown) => (isDomainError(err) ? { code: err.code, field: err.field, message: err.message } : Promise.reject(err))
	);

describe('comparing versions', () => {
	it('compares a version with the current document and with another version', async () => {
		const owner = await buildUser(db, { name: 'Liisa Lecturer' });
		const viewer = await buildUser(db);
		const stranger = await buildUser(db);
		const { id: courseId } = await buildCourse(db, owner, 'Platform economy');
		await addMember(db, courseId, viewer.id, 'viewer');
		let outcome = '';
		await edit(courseId, owner.id, (doc) => {
			outcome = addOutcome(doc, { en: 'Compare platform business models.' });
		});
		await saveVersion(withoutLive(db), owner, courseId, 'First draft');
		await edit(courseId, owner.id, (doc) => {
			getText(doc, 'title', 'en').insert('Platform economy'.length, ' (pilot)');
			setMeta(doc, 'ectsCredits', 3);
		});
		await saveVersion(withoutLive(db), owner, courseId, 'Pilot');

		const withCurrent = await compareVersions(withoutLive(db), viewer, courseId, 1, 'current');
		expect(withCurrent.from).toMatchObject({ current: false, number: 1, title: 'First draft' });
		expect(withCurrent.to).toEqual({ current: true });
		expect(withCurrent.diff.changes).toBe(2);
		const overview = withCurrent.diff.sections[0].fields;
		expect(overview.find((f) => f.key === 'title')?.change).toEqual({
			kind: 'text',
			languages: [{ lang: 'en', status: 'changed', segments: [{ op: 'equal', text: 'Platform economy' }, { op: 'insert', text: ' (pilot)' }] }]
		});
		expect(overview.find((f) => f.key === 'ectsCredits')?.change).toEqual({ kind: 'value', before: null, after: '3 ECTS' });
		const outcomes = withCurrent.diff.sections[1].fields[0].change;
		expect(outcomes.kind === 'list' && outcomes.items.map((i) => [i.id, i.status])).toEqual([[outcome, 'unchanged']]);

		expect((await compareVersions(withoutLive(db), viewer, courseId, 2, 'current')).diff.changes).toBe(0);
		expect((await compareVersions(withoutLive(db), viewer, courseId, 2, 1)).diff.changes).toBe(2);

		expect(await failure(compareVersions(withoutLive(db), viewer, courseId, 1, 9))).toEqual({
			code: 'invalid',
			field: 'to',
			message: 'There is no version 9 of this course.'
		});
		expect(await failure(compareVersions(withoutLive(db), stranger, courseId, 1, 'current'))).toMatchObject({ code: 'not_found' });
	});
});
