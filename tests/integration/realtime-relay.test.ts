import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClient } from 'redis';
import { appRealtimeDeps } from '$lib/server/live';
import { attachRealtime, type RealtimeServer } from '$lib/server/realtime';
import { appendDocUpdate } from '$lib/server/realtime/persistence';
import { RedisRelay } from '$lib/server/realtime/relay/redis-relay';
import { encodeClusterMessage, encodeDocFrame } from '$lib/server/realtime/relay/wire';
import { getText, setMeta } from '$lib/course-spec/mutations';
import { createTestDatabase } from '$tests/support/db';
import { redisReachable } from '$tests/support/cluster';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { connectProvider, waitFor, waitForSynced } from '$tests/support/realtime-clients';

/**
 * The relay between two realtime servers in this process, on one database, through a real Redis
 * (skipped, with the reason in its name, when none answers). Lost messages are made by publishing
 * what a lost message would leave behind: a row in the database and a sequence number that skips.
 */

const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const reachable = await redisReachable(redisUrl);
const prefix = `test-${crypto.randomUUID().slice(0, 8)}`;
const { db } = reachable ? await createTestDatabase() : ({ db: undefined } as never);

describe.skipIf(!reachable)(`the Redis relay between two servers${reachable ? '' : ` (skipped: no Redis at ${redisUrl}; set TEST_REDIS_URL)`}`, () => {
	const servers: Array<{ realtime: RealtimeServer; url: string; origin: string; close(): Promise<void> }> = [];
	const publisher = createClient({ url: redisUrl });
	let courseId: string;
	let ownerToken: string;
	let editorToken: string;
	let ownerId: string;
	let editorId: string;

	async function startServer() {
		const relay = new RedisRelay({ url: redisUrl, prefix, tuning: { heartbeatMs: 200, deadAfterMs: 800 } });
		await relay.connect();
		const server = http.createServer((_req, res) => res.writeHead(404).end());
		const realtime = attachRealtime(server, { ...appRealtimeDeps(db), extensions: [relay], tuning: { unloadGraceMs: 200 } });
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const entry = {
			realtime,
			url: `ws://127.0.0.1:${port}/collab`,
			origin: `http://127.0.0.1:${port}`,
			async close() {
				await realtime.close();
				server.closeAllConnections();
				await new Promise<void>((resolve) => server.close(() => resolve()));
			}
		};
		servers.push(entry);
		return entry;
	}

	beforeAll(async () => {
		await publisher.connect();
		const owner = await buildUser(db);
		const editor = await buildUser(db);
		ownerId = owner.id;
		editorId = editor.id;
		courseId = (await buildCourse(db, owner)).id;
		await addMember(db, courseId, editor.id, 'editor');
		ownerToken = await buildSession(db, owner.id);
		editorToken = await buildSession(db, editor.id);
		await startServer();
		await startServer();
	});

	afterAll(async () => {
		for (const server of servers) await server.close();
		await publisher.close();
	});

	it('delivers one server’s edits to the other’s clients, which stores none of them again', async () => {
		const [a, b] = servers;
		const onA = connectProvider(a.url, courseId, { token: ownerToken, origin: a.origin });
		const onB = connectProvider(b.url, courseId, { token: editorToken, origin: b.origin });
		try {
			await Promise.all([waitForSynced(onA), waitForSynced(onB)]);
			for (let i = 0; i < 20; i++) onA.doc.getText('relayed').insert(0, `a${i};`);
			await waitFor(() => onB.doc.getText('relayed').toString() === onA.doc.getText('relayed').toString(), { message: 'the edits on B' });
			expect(onB.doc.getText('relayed').toString()).toContain('a19;');
			// Every stored row is the owner's: B, which only relayed them, stored nothing (it would store them without an author).
			const rows = await db.selectFrom('course_doc_updates').select('author_ids').where('course_id', '=', courseId).execute();
			expect(rows.length).toBeGreaterThan(0);
			expect(rows.every((row) => row.author_ids.length === 1 && row.author_ids[0] === ownerId)).toBe(true);
		} finally {
			onA.destroy();
			onB.destroy();
		}
	});

	it('credits each process’s own people only: an edit relayed from A is not credited to who types next on B', async () => {
		const [a, b] = servers;
		const onA = connectProvider(a.url, courseId, { token: ownerToken, origin: a.origin });
		const onB = connectProvider(b.url, courseId, { token: editorToken, origin: b.origin });
		try {
			await Promise.all([waitForSynced(onA), waitForSynced(onB)]);
			getText(onA.doc, 'title', 'en').insert(0, 'Relayed ');
			await waitFor(() => getText(onB.doc, 'title', 'en').toString().startsWith('Relayed '), { message: 'the title on B' });
			await new Promise((resolve) => setTimeout(resolve, 50)); // B's baseline moves on once per turn
			setMeta(onB.doc, 'ectsCredits', 4);
			const editsOf = async (userId: string) =>
				(await db.selectFrom('course_field_edits').select('field_key').where('course_id', '=', courseId).where('user_id', '=', userId).execute()).map(
					(row) => row.field_key
				);
			await waitFor(async () => (await editsOf(editorId)).length > 0 && (await editsOf(ownerId)).length > 0, { message: 'both edits attributed' });
			expect(await editsOf(editorId)).not.toContain('title');
			expect(await editsOf(ownerId)).toContain('title');
		} finally {
			onA.destroy();
			onB.destroy();
		}
	});

	it('heals a lost message: a skipped sequence number makes both servers re-read the document', async () => {
		const [a, b] = servers;
		const onA = connectProvider(a.url, courseId, { token: ownerToken, origin: a.origin });
		const onB = connectProvider(b.url, courseId, { token: editorToken, origin: b.origin });
		try {
			await Promise.all([waitForSynced(onA), waitForSynced(onB)]);
			const ghost = `ghost-${crypto.randomUUID()}`;
			const channel = `${prefix}:doc:${courseId}`;
			const nothing = Y.encodeStateAsUpdate(new Y.Doc());
			await publisher.publish(channel, encodeDocFrame({ kind: 'update', instanceId: ghost, epoch: 1, seq: 1, update: nothing }));
			// Another process stored an edit, and its message (seq 2) never arrived.
			const elsewhere = new Y.Doc();
			elsewhere.getText('lost').insert(0, 'stored elsewhere');
			await appendDocUpdate(db, courseId, Y.encodeStateAsUpdate(elsewhere), [ownerId]);
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(onB.doc.getText('lost').toString()).toBe('');
			await publisher.publish(channel, encodeDocFrame({ kind: 'update', instanceId: ghost, epoch: 1, seq: 3, update: nothing }));
			await waitFor(() => onA.doc.getText('lost').toString() === 'stored elsewhere' && onB.doc.getText('lost').toString() === 'stored elsewhere', {
				message: 'the lost edit on both servers’ clients'
			});
			expect(onB.doc.getText('lost').toString()).toBe('stored elsewhere');
		} finally {
			onA.destroy();
			onB.destroy();
		}
	});

	it('heals a lost last message: a heartbeat naming a later sequence number than heard makes them re-read', async () => {
		const [a, b] = servers;
		const onA = connectProvider(a.url, courseId, { token: ownerToken, origin: a.origin });
		const onB = connectProvider(b.url, courseId, { token: editorToken, origin: b.origin });
		try {
			await Promise.all([waitForSynced(onA), waitForSynced(onB)]);
			const ghost = `ghost-${crypto.randomUUID()}`;
			const nothing = Y.encodeStateAsUpdate(new Y.Doc());
			await publisher.publish(`${prefix}:doc:${courseId}`, encodeDocFrame({ kind: 'update', instanceId: ghost, epoch: 7, seq: 1, update: nothing }));
			const elsewhere = new Y.Doc();
			elsewhere.getText('tail').insert(0, 'the last edit');
			await appendDocUpdate(db, courseId, Y.encodeStateAsUpdate(elsewhere), [ownerId]);
			const seqs = { [courseId]: [7, 2] as [number, number] };
			await publisher.publish(`${prefix}:cluster`, encodeClusterMessage({ type: 'heartbeat', instanceId: ghost, seqs }));
			await waitFor(() => onA.doc.getText('tail').toString() === 'the last edit' && onB.doc.getText('tail').toString() === 'the last edit', {
				message: 'the lost last edit on both servers’ clients'
			});
			expect(onA.doc.getText('tail').toString()).toBe('the last edit');
		} finally {
			onA.destroy();
			onB.destroy();
		}
	});

	it('removes the presence of a process that stops sending heartbeats', async () => {
		const [a] = servers;
		const watcher = connectProvider(a.url, courseId, { token: ownerToken, origin: a.origin });
		try {
			await waitForSynced(watcher);
			const ghost = `ghost-${crypto.randomUUID()}`;
			const remote = new Y.Doc();
			const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
			const awareness = new Awareness(remote);
			awareness.setLocalStateField('field', 'ghost-field');
			const update = encodeAwarenessUpdate(awareness, [remote.clientID]);
			await publisher.publish(`${prefix}:doc:${courseId}`, encodeDocFrame({ kind: 'awareness', instanceId: ghost, update }));
			const seesGhost = () => [...watcher.awareness.getStates().values()].some((state) => state.field === 'ghost-field');
			await waitFor(seesGhost, { message: 'the relayed presence' });
			expect(seesGhost()).toBe(true);
			awareness.destroy();
			// No heartbeat ever comes from the ghost: after deadAfterMs its presence goes.
			await waitFor(() => !seesGhost(), { timeout: 5_000, message: 'the presence of a silent process removed' });
			expect(seesGhost()).toBe(false);
		} finally {
			watcher.destroy();
		}
	});
});
