import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { docToSpec } from '$lib/course-spec/doc';
import { addModule, addOutcome, getText, moveItem, setMeta } from '$lib/course-spec/mutations';
import { listArray, itemId, replaceText } from '$lib/course-spec/layout';
import { loadDocState } from '$lib/server/realtime/persistence';
import { getVersion, listVersions, restoreVersion, saveVersion } from '$lib/server/versions';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { connectProvider, waitFor, waitForSynced } from '$tests/support/realtime-clients';

// Restoring a version while people are editing the live document through real y-websocket
// clients: the state before the restore is kept as a version, the restore is listed, items keep
// their ids, and what someone types into an item at that moment survives.

const { db } = await createTestDatabase();
let server: TestRealtimeServer;
let owner: Awaited<ReturnType<typeof buildUser>>;
let editor: Awaited<ReturnType<typeof buildUser>>;
let editorToken: string;
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
	owner = await buildUser(db, { name: 'Liisa Lecturer' });
	editor = await buildUser(db, { name: 'Pekka Partner' });
	editorToken = await buildSession(db, editor.id);
	server = await startRealtimeServer(db);
});
afterEach(() => {
	for (const provider of providers.splice(0)) provider.destroy();
});
afterAll(async () => {
	await server?.close();
});

async function connectEditor(courseId: string): Promise<{ provider: WebsocketProvider; doc: Y.Doc }> {
	const provider = connectProvider(server.collabUrl, courseId, { token: editorToken, origin: server.origin });
	providers.push(provider);
	await waitForSynced(provider);
	return { provider, doc: provider.doc };
}

const outcomeIds = (doc: Y.Doc) => listArray(doc, 'learningOutcomes').toArray().map(itemId);

async function storedSpec(courseId: string) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await loadDocState(db, courseId));
	return docToSpec(doc);
}

describe('restoring a version of a live document', () => {
	it('keeps the current state as a version first, lists the restore and applies only the differences', async () => {
		const { id: courseId } = await buildCourse(db, owner, 'Platform economy');
		await addMember(db, courseId, editor.id, 'editor', 'company_partner');
		const { provider, doc } = await connectEditor(courseId);

		let compare = '';
		let pitch = '';
		doc.transact(() => {
			replaceText(getText(doc, 'title', 'en'), 'Platform economy');
			compare = addOutcome(doc, { en: 'Compare platform business models.' });
			pitch = addOutcome(doc, { en: 'Pitch a platform idea.' });
			addModule(doc, { title: { en: 'Basics' }, hours: 10 });
		});
		await waitFor(async () => (await storedSpec(courseId)).learningOutcomes.length === 2, { message: 'first edits stored' });
		const first = await saveVersion(server.ctx, owner, courseId, 'First draft');

		// Work that restoring must not lose: the " (pilot)" title and ECTS 3, and a third outcome.
		getText(doc, 'title', 'en').insert('Platform economy'.length, ' (pilot)');
		setMeta(doc, 'ectsCredits', 3);
		addOutcome(doc, { en: 'Explain network effects.' });
		moveItem(doc, 'learningOutcomes', pitch, 0);
		await waitFor(async () => (await storedSpec(courseId)).ectsCredits === 3, { message: 'later edits stored' });
		const beforeRestore = docToSpec(doc);
		const itemsBefore = new Map(listArray(doc, 'learningOutcomes').toArray().map((item) => [itemId(item), item]));

		const result = await restoreVersion(server.ctx, owner, courseId, first.number);
		expect(result).toEqual({ restored: 1, keptAs: 2, recordedAs: 3 });

		// 1. The state before the restore is a version of its own, with the title and ECTS it had.
		const kept = await getVersion(db, editor, courseId, result.keptAs);
		expect(kept).toMatchObject({ kind: 'before_restore', title: 'Before restoring v1', savedBy: 'Liisa Lecturer', restoredFrom: 1 });
		expect(kept.spec).toEqual(beforeRestore);
		expect(kept.spec.title.en).toBe('Platform economy (pilot)');
		expect(kept.spec.ectsCredits).toBe(3);

		// 2. The restore is in the list.
		const list = await listVersions(db, editor, courseId);
		expect(list.map((v) => [v.number, v.kind, v.title, v.savedBy])).toEqual([
			[3, 'restore', 'Restored v1', 'Liisa Lecturer'],
			[2, 'before_restore', 'Before restoring v1', 'Liisa Lecturer'],
			[1, 'named', 'First draft', 'Liisa Lecturer']
		]);

		// 3. The live client gets the old content, and the items it kept are the same objects.
		const restored = (await getVersion(db, editor, courseId, 1)).spec;
		await waitFor(() => docToSpec(doc).ectsCredits === null, { message: 'the restore to reach the client' });
		expect(docToSpec(doc)).toEqual(restored);
		expect(outcomeIds(doc)).toEqual([compare, pitch]);
		expect(listArray(doc, 'learningOutcomes').get(0)).toBe(itemsBefore.get(compare));
		expect(await storedSpec(courseId)).toEqual(restored);
		expect((await getVersion(db, editor, courseId, result.recordedAs)).spec).toEqual(restored);
		expect(provider.wsconnected).toBe(true);
	});

	it('keeps what a person types into an item while the restore is applied', async () => {
		const { id: courseId } = await buildCourse(db, owner, 'Circular design');
		await addMember(db, courseId, editor.id, 'editor', 'company_partner');
		const { provider, doc } = await connectEditor(courseId);

		let apply = '';
		doc.transact(() => {
			apply = addOutcome(doc, { en: 'Apply circular principles.' });
			addOutcome(doc, { en: 'Compare materials.' });
		});
		await waitFor(async () => (await storedSpec(courseId)).learningOutcomes.length === 2, { message: 'outcomes stored' });
		const version = await saveVersion(server.ctx, owner, courseId, 'Two outcomes');
		replaceText(getText(doc, 'outcomeText', 'en', apply)!, 'Apply circular principles to a product.');
		setMeta(doc, 'workloadHours', 54);
		await waitFor(async () => (await storedSpec(courseId)).workloadHours === 54, { message: 'edits stored' });

		// The person is typing into the first outcome while the server restores: their keystrokes
		// are not on the server yet when the restore is applied (the socket is paused), and arrive
		// after it, as on a slow connection.
		provider.disconnect();
		const typing = getText(doc, 'outcomeText', 'en', apply)!;
		typing.insert(0, 'Independently: ');
		await restoreVersion(server.ctx, owner, courseId, version.number);
		provider.connect();
		await waitForSynced(provider);

		const expected = 'Independently: Apply circular principles.';
		await waitFor(async () => (await storedSpec(courseId)).learningOutcomes[0]?.text.en === expected, {
			message: 'the typed text to be stored next to the restored text'
		});
		const stored = await storedSpec(courseId);
		expect(stored.learningOutcomes.map((o) => o.id)).toEqual(outcomeIds(doc));
		expect(stored.learningOutcomes[0]).toEqual({ id: apply, text: { en: expected } });
		expect(stored.workloadHours).toBeNull();
		expect(docToSpec(doc)).toEqual(stored);
	});

	it('restoring what the document already says keeps no duplicate and changes nothing', async () => {
		const { id: courseId } = await buildCourse(db, owner, 'Quiet course');
		const version = await saveVersion(server.ctx, owner, courseId, 'As created');
		const result = await restoreVersion(server.ctx, owner, courseId, version.number);
		// The latest version already holds the state before the restore.
		expect(result).toEqual({ restored: 1, keptAs: 1, recordedAs: 2 });
		expect((await listVersions(db, owner, courseId)).map((v) => v.kind)).toEqual(['restore', 'named']);
	});
});
