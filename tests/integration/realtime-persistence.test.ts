import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as Y from 'yjs';
import type { DatabaseHandle } from '$lib/server/db';
import { loadDocState } from '$lib/server/realtime';
import { appendDocUpdate, compactDoc } from '$lib/server/realtime/persistence';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { connectProvider, docContent, docFromUpdate, waitFor, waitForSynced } from '$tests/support/realtime-clients';

// Opened at collection time so that its afterAll is registered, before ours: hooks run in reverse,
// so the realtime server flushes and closes first, then the database closes.
const database: DatabaseHandle = await createTestDatabase();
let ownerToken: string;
let editorToken: string;
let ownerId: string;
let editorId: string;
let owner: Awaited<ReturnType<typeof buildUser>>;
const servers: TestRealtimeServer[] = [];

afterAll(async () => {
	for (const server of servers) await server.close();
});

beforeAll(async () => {
	owner = await buildUser(database.db);
	const editor = await buildUser(database.db);
	ownerId = owner.id;
	editorId = editor.id;
	ownerToken = await buildSession(database.db, owner.id);
	editorToken = await buildSession(database.db, editor.id);
});

async function newCourse(): Promise<string> {
	const course = await buildCourse(database.db, owner);
	await addMember(database.db, course.id, editorId, 'editor');
	return course.id;
}

async function start(tuning: Parameters<typeof startRealtimeServer>[1] = {}) {
	const server = await startRealtimeServer(database.db, tuning);
	servers.push(server);
	return server;
}

/** Makes `count` separate edits, each waited for by the server, so that they land in several batches. */
async function editInSteps(server: TestRealtimeServer, courseId: string, token: string, count: number) {
	const provider = connectProvider(server.collabUrl, courseId, { token, origin: server.origin });
	await waitForSynced(provider);
	for (let i = 0; i < count; i++) {
		const item = `${token.slice(0, 4)}-${i}`;
		provider.doc.getArray('array').push([item]);
		provider.doc.getText('text').insert(0, `${i} `);
		await waitFor(
			async () =>
				docFromUpdate(await server.realtime.snapshot(courseId)).getArray('array').toArray().includes(item) &&
				server.realtime.stats().pendingWrites === 0,
			{ message: 'edit received and stored' }
		);
	}
	return provider;
}

async function storedRows(courseId: string) {
	return database.db.selectFrom('course_doc_updates').select(['update', 'author_ids']).where('course_id', '=', courseId).execute();
}

describe('course document persistence', () => {
	it('a new server on the same database serves the identical document', async () => {
		const courseId = await newCourse();
		const first = await start();
		const a = connectProvider(first.collabUrl, courseId, { token: ownerToken, origin: first.origin });
		const b = connectProvider(first.collabUrl, courseId, { token: editorToken, origin: first.origin });
		await Promise.all([waitForSynced(a), waitForSynced(b)]);
		a.doc.getMap('map').set('title', 'Platform economy');
		b.doc.getText('text').insert(0, 'Learners can explain platforms.');
		a.doc.getArray('array').push([{ id: 'lo1' }, { id: 'lo2' }]);
		await waitFor(() => JSON.stringify(docContent(a.doc)) === JSON.stringify(docContent(b.doc)), { message: 'a and b in sync' });
		const expected = docContent(a.doc);
		a.destroy();
		b.destroy();

		await first.close();
		await first.close(); // idempotent
		expect(first.realtime.stats()).toEqual({ rooms: 0, connections: 0, pendingWrites: 0 });

		const second = await start();
		const c = connectProvider(second.collabUrl, courseId, { token: ownerToken, origin: second.origin });
		try {
			await waitForSynced(c);
			expect(docContent(c.doc)).toEqual(expected);
		} finally {
			c.destroy();
		}
		expect(docContent(docFromUpdate(await loadDocState(database.db, courseId)))).toEqual(expected);
	});

	it('stores an edit before any other peer receives it', async () => {
		const courseId = await newCourse();
		const server = await start();
		const author = connectProvider(server.collabUrl, courseId, { token: ownerToken, origin: server.origin });
		const observer = connectProvider(server.collabUrl, courseId, { token: editorToken, origin: server.origin });
		await Promise.all([waitForSynced(author), waitForSynced(observer)]);
		const stored: boolean[] = [];
		// Checked in the very callback that sees the edit arrive, before anything else can run.
		observer.doc.getText('text').observe(() => {
			const seen = observer.doc.getText('text').toString();
			stored.push(false);
			const index = stored.length - 1;
			void loadDocState(database.db, courseId).then((state) => {
				stored[index] = docFromUpdate(state).getText('text').toString().startsWith(seen.slice(0, 1));
			});
		});
		for (const letter of 'abcde') {
			author.doc.getText('text').insert(0, letter);
			await waitFor(() => observer.doc.getText('text').toString().startsWith(letter), { message: 'the edit to arrive' });
		}
		await waitFor(() => stored.length === 5 && stored.every(Boolean), { message: 'every check to find its edit stored' });
		expect(stored).toEqual([true, true, true, true, true]);
		author.destroy();
		observer.destroy();
	});

	it('close() stores edits whose write is still failing', async () => {
		const courseId = await newCourse();
		const server = await start();
		const provider = connectProvider(server.collabUrl, courseId, { token: ownerToken, origin: server.origin });
		await waitForSynced(provider);
		await sql`alter table course_doc_updates rename to course_doc_updates_away`.execute(database.db);
		try {
			provider.doc.getText('text').insert(0, 'typed just before shutdown');
			await waitFor(() => server.realtime.stats().pendingWrites === 1, { message: 'a pending write' });
		} finally {
			await sql`alter table course_doc_updates_away rename to course_doc_updates`.execute(database.db);
		}
		await Promise.all([server.close(), server.close()]);
		provider.destroy();
		expect(docFromUpdate(await loadDocState(database.db, courseId)).getText('text').toString()).toBe('typed just before shutdown');
	});

	it('records who made each stored batch', async () => {
		const courseId = await newCourse();
		const server = await start();
		const a = await editInSteps(server, courseId, ownerToken, 2);
		const b = await editInSteps(server, courseId, editorToken, 2);
		a.destroy();
		b.destroy();
		const authors = (await storedRows(courseId)).map((row) => row.author_ids);
		expect(authors.flat()).toContain(ownerId);
		expect(authors.flat()).toContain(editorId);
		expect(authors.every((ids) => ids.length >= 1)).toBe(true);
	});

	it('compaction folds update rows into one state row and leaves the document identical', async () => {
		const courseId = await newCourse();
		const server = await start({ compactAfterRows: 5 });
		const provider = await editInSteps(server, courseId, ownerToken, 12);
		const expected = docContent(provider.doc);
		provider.destroy();

		const state = await database.db.selectFrom('course_doc_state').selectAll().where('course_id', '=', courseId).executeTakeFirst();
		expect(state).toBeDefined();
		expect((await storedRows(courseId)).length).toBeLessThan(5);
		expect(docContent(docFromUpdate(await loadDocState(database.db, courseId)))).toEqual(expected);

		// Compacting everything that is left changes nothing either.
		await waitFor(() => server.realtime.stats().rooms === 0, { message: 'room to unload' });
		await compactDoc(database.db, courseId);
		expect(await storedRows(courseId)).toHaveLength(0);
		expect(docContent(docFromUpdate(await loadDocState(database.db, courseId)))).toEqual(expected);
	});

	it('compacts a live room from its document, marks the state guarded, and keeps a row it does not hold', async () => {
		const courseId = await newCourse();
		const server = await start();
		const provider = await editInSteps(server, courseId, ownerToken, 3);
		// The live room's document holds the stored state and every row its writer stored.
		const live = new Y.Doc();
		Y.applyUpdate(live, await server.realtime.snapshot(courseId));
		await compactDoc(database.db, courseId, live);
		const guarded = async () =>
			(await database.db.selectFrom('course_doc_state').select('guarded').where('course_id', '=', courseId).executeTakeFirstOrThrow()).guarded;
		expect(await guarded()).toBe(true);
		expect(docContent(docFromUpdate(await loadDocState(database.db, courseId)))).toEqual(docContent(provider.doc));

		// A row written elsewhere (not in that document): folded by merging, and not marked.
		const elsewhere = new Y.Doc();
		elsewhere.getMap('map').set('from another process', true);
		await appendDocUpdate(database.db, courseId, Y.encodeStateAsUpdate(elsewhere), [ownerId]);
		await compactDoc(database.db, courseId, live);
		expect(await guarded()).toBe(false);
		expect(docFromUpdate(await loadDocState(database.db, courseId)).getMap('map').get('from another process')).toBe(true);
		provider.destroy();
	});

	it('a peer with nothing gets the stored document whole when it counts itself synced, and later peers get later edits', async () => {
		const courseId = await newCourse();
		const source = new Y.Doc();
		source.getText('text').insert(0, 'stored state ');
		await database.db.insertInto('course_doc_state').values({ course_id: courseId, state: Y.encodeStateAsUpdate(source), guarded: true }).execute();
		for (const word of ['first', 'second']) {
			const before = Y.encodeStateVector(source);
			source.getArray('array').push([`${word} row`]);
			await appendDocUpdate(database.db, courseId, Y.encodeStateAsUpdate(source, before), [ownerId]);
		}
		const server = await start();
		/** Connects a fresh peer and reads its document at the moment it says it is synced. */
		const joinAndRead = async (token: string) => {
			const provider = connectProvider(server.collabUrl, courseId, { token, origin: server.origin });
			const atSync = new Promise<ReturnType<typeof docContent>>((resolve) => {
				provider.once('sync', () => resolve(docContent(provider.doc)));
			});
			return { provider, content: await atSync };
		};

		const first = await joinAndRead(ownerToken);
		expect(first.content).toEqual(docContent(source));
		const second = await joinAndRead(editorToken);
		expect(second.content).toEqual(docContent(source));

		// After an edit, a newcomer gets the document as it is now, not as it was loaded.
		first.provider.doc.getMap('map').set('edited', 'after load');
		await waitFor(() => second.provider.doc.getMap('map').get('edited') === 'after load', { message: 'edit relayed' });
		const third = await joinAndRead(editorToken);
		expect(third.content).toEqual(docContent(first.provider.doc));
		expect(third.content).not.toEqual(docContent(source));
		for (const { provider } of [first, second, third]) provider.destroy();
	});

	it('unloads a document after the last peer leaves, and reloads it from the database', async () => {
		const courseId = await newCourse();
		const server = await start();
		const provider = await editInSteps(server, courseId, ownerToken, 3);
		const expected = docContent(provider.doc);
		provider.destroy();
		await waitFor(() => server.realtime.stats().rooms === 0, { message: 'room to unload' });

		const again = connectProvider(server.collabUrl, courseId, { token: editorToken, origin: server.origin });
		try {
			await waitForSynced(again);
			expect(docContent(again.doc)).toEqual(expected);
		} finally {
			again.destroy();
		}
	});

	it('folds the rows of a session into the state when the room unloads, so the next open reads one state', async () => {
		const courseId = await newCourse();
		const server = await start({ compactOnUnloadRows: 5 });
		const rows = async () => (await database.db.selectFrom('course_doc_updates').select('id').where('course_id', '=', courseId).execute()).length;
		const short = await editInSteps(server, courseId, ownerToken, 3);
		short.destroy();
		await waitFor(() => server.realtime.stats().rooms === 0, { message: 'room to unload' });
		expect(await rows()).toBeGreaterThan(0); // fewer than five: not worth a compaction

		const again = connectProvider(server.collabUrl, courseId, { token: editorToken, origin: server.origin });
		await waitForSynced(again);
		again.destroy();
		const long = await editInSteps(server, courseId, ownerToken, 4);
		const expected = docContent(long.doc);
		long.destroy();
		await waitFor(() => server.realtime.stats().rooms === 0, { message: 'room to unload' });
		expect(await rows()).toBe(0);
		expect(docContent(docFromUpdate(await loadDocState(database.db, courseId)))).toEqual(expected);
	});

	it('keeps edits in memory while the database refuses writes, and stores them once it recovers', async () => {
		const courseId = await newCourse();
		const server = await start();
		const provider = connectProvider(server.collabUrl, courseId, { token: ownerToken, origin: server.origin });
		await waitForSynced(provider);
		await sql`alter table course_doc_updates rename to course_doc_updates_away`.execute(database.db);
		try {
			provider.doc.getText('text').insert(0, 'written while the database was away');
			await waitFor(() => server.realtime.stats().pendingWrites === 1, { message: 'a pending write' });
		} finally {
			await sql`alter table course_doc_updates_away rename to course_doc_updates`.execute(database.db);
		}
		provider.destroy();
		await waitFor(() => server.realtime.stats().pendingWrites === 0 && server.realtime.stats().rooms === 0, {
			message: 'the retry to store the edit and the room to unload'
		});
		expect(docFromUpdate(await loadDocState(database.db, courseId)).getText('text').toString()).toBe(
			'written while the database was away'
		);
	});

	it('applies a server-side change through the live room, or straight to storage when nobody is in', async () => {
		const courseId = await newCourse();
		const server = await start();
		// Independent changes on different keys (a fresh Y.Doc knows nothing of the live one).
		const change = (key: string) => {
			const doc = new Y.Doc();
			doc.getMap('map').set(key, true);
			return Y.encodeStateAsUpdate(doc);
		};

		await server.realtime.applyServerUpdate(courseId, change('whileEmpty'), ownerId);
		expect(docFromUpdate(await loadDocState(database.db, courseId)).getMap('map').get('whileEmpty')).toBe(true);

		const provider = connectProvider(server.collabUrl, courseId, { token: editorToken, origin: server.origin });
		try {
			await waitForSynced(provider);
			expect(provider.doc.getMap('map').get('whileEmpty')).toBe(true);
			await server.realtime.applyServerUpdate(courseId, change('whileLive'), ownerId);
			await waitFor(() => provider.doc.getMap('map').get('whileLive') === true, { message: 'peer to receive it' });
		} finally {
			provider.destroy();
		}
		const authors = (await storedRows(courseId)).flatMap((row) => row.author_ids);
		expect(authors).toContain(ownerId);
	});

	it('reads a document that has no stored rows as an empty document', async () => {
		const doc = docFromUpdate(await loadDocState(database.db, 'a'.repeat(24)));
		expect(doc.share.size).toBe(0);
	});
});
