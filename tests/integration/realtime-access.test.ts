import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { authorizeCollab } from '$lib/server/collab-access';
import { attachRealtime } from '$lib/server/realtime';
import type { DatabaseHandle } from '$lib/server/db';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import {
	connectProvider,
	openRawPeer,
	syncUpdateFrame,
	upgradeStatus,
	waitFor,
	waitForSynced
} from '$tests/support/realtime-clients';

// Opened at collection time so that its afterAll is registered, before ours: hooks run in reverse,
// so the realtime server flushes and closes first, then the database closes.
const database: DatabaseHandle = await createTestDatabase();
let server: TestRealtimeServer;
let courseId: string;
let ownerToken: string;
let viewerToken: string;
let viewerId: string;
let strangerToken: string;

afterAll(() => server?.close());

beforeAll(async () => {
	const { db } = database;
	const owner = await buildUser(db);
	const viewer = await buildUser(db);
	const stranger = await buildUser(db);
	courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, viewer.id, 'viewer', 'student');
	viewerId = viewer.id;
	ownerToken = await buildSession(db, owner.id);
	viewerToken = await buildSession(db, viewer.id);
	strangerToken = await buildSession(db, stranger.id);
	server = await startRealtimeServer(db);
});

describe('the upgrade is authorised before a socket exists', () => {
	it('opens for a member with a session cookie from our own origin', async () => {
		expect(await upgradeStatus(`${server.collabUrl}/${courseId}`, { token: ownerToken, origin: server.origin })).toBe(101);
	});

	it('answers 401 without a session cookie, or with an unknown one', async () => {
		const url = `${server.collabUrl}/${courseId}`;
		expect(await upgradeStatus(url, { origin: server.origin })).toBe(401);
		expect(await upgradeStatus(url, { origin: server.origin, token: 'a'.repeat(32) })).toBe(401);
	});

	it('answers a signed-in non-member 404, as for a course that does not exist: ids do not leak', async () => {
		const peer = { token: strangerToken, origin: server.origin };
		expect(await upgradeStatus(`${server.collabUrl}/${courseId}`, peer)).toBe(404);
		expect(await upgradeStatus(`${server.collabUrl}/${'b'.repeat(24)}`, peer)).toBe(404);
	});

	it('answers 403 to a foreign or missing Origin, even with a valid session', async () => {
		const url = `${server.collabUrl}/${courseId}`;
		expect(await upgradeStatus(url, { token: ownerToken, origin: 'https://evil.example' })).toBe(403);
		expect(await upgradeStatus(url, { token: ownerToken })).toBe(403);
	});

	it('answers 400 to paths that are not /collab/<course id>, and 404 to an unknown course', async () => {
		const peer = { token: ownerToken, origin: server.origin };
		const base = `ws://127.0.0.1:${server.port}`;
		expect(await upgradeStatus(`${base}/collab/${courseId.toUpperCase()}`, peer)).toBe(400);
		expect(await upgradeStatus(`${base}/collab/${courseId}/extra`, peer)).toBe(400);
		expect(await upgradeStatus(`${base}/collab/..%2F${courseId}`, peer)).toBe(400);
		expect(await upgradeStatus(`${base}/collab`, peer)).toBe(400);
		expect(await upgradeStatus(`${base}/somewhere-else`, peer)).toBe(400);
		expect(await upgradeStatus(`${base}/collab/${'a'.repeat(24)}`, peer)).toBe(404);
		expect(server.realtime.stats().rooms).toBeLessThanOrEqual(1); // no room was made for any of them
	});
});

describe('configuration', () => {
	it('accepts configured origins, and can leave other paths to other listeners (Vite’s HMR in dev)', async () => {
		const server = http.createServer();
		const hmr = new WebSocketServer({ noServer: true });
		server.on('upgrade', (req, socket, head) => {
			if (req.url === '/hmr') hmr.handleUpgrade(req, socket, head, (ws) => ws.close());
		});
		const realtime = attachRealtime(server, {
			db: database.db,
			authorize: (request) => authorizeCollab(database.db, request),
			allowedOrigins: ['https://Co-Course.example/'],
			ignoreOtherPaths: true
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
		try {
			expect(await upgradeStatus(`${base}/hmr`, {})).toBe(101);
			expect(await upgradeStatus(`${base}/collab/nope`, { token: ownerToken, origin: 'https://co-course.example' })).toBe(400);
			expect(await upgradeStatus(`${base}/collab/${courseId}`, { token: ownerToken, origin: 'https://co-course.example' })).toBe(101);
			expect(await upgradeStatus(`${base}/collab/${courseId}`, { token: ownerToken, origin: 'https://other.example' })).toBe(403);
		} finally {
			await realtime.close();
			hmr.close();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	});
});

describe('read-only peers', () => {
	it('receive edits and appear in presence, but their own edits are dropped, not broadcast, not stored', async () => {
		const owner = connectProvider(server.collabUrl, courseId, { token: ownerToken, origin: server.origin });
		const viewer = connectProvider(server.collabUrl, courseId, { token: viewerToken, origin: server.origin });
		const other = connectProvider(server.collabUrl, courseId, { token: ownerToken, origin: server.origin });
		try {
			await Promise.all([waitForSynced(owner), waitForSynced(viewer), waitForSynced(other)]);

			owner.doc.getText('text').insert(0, 'from the owner');
			await waitFor(() => viewer.doc.getText('text').toString() === 'from the owner', { message: 'viewer to receive' });

			viewer.awareness.setLocalStateField('field', 'summary');
			await waitFor(() => owner.awareness.getStates().get(viewer.doc.clientID)?.field === 'summary', {
				message: 'viewer presence'
			});

			// The viewer's provider sends this edit as an update (and again as sync step 2 on reconnect).
			viewer.doc.getMap('map').set('sneaky', 'edit');
			// A marker from the owner sent afterwards: once it has arrived, the viewer's edit would have too.
			owner.doc.getMap('map').set('marker', 1);
			await waitFor(() => other.doc.getMap('map').get('marker') === 1, { message: 'marker to arrive' });
			expect(other.doc.getMap('map').has('sneaky')).toBe(false);
			expect(owner.doc.getMap('map').has('sneaky')).toBe(false);

			// Reconnecting makes the viewer offer its change through sync step 2: still dropped.
			viewer.disconnect();
			viewer.connect();
			await waitForSynced(viewer);
			owner.doc.getMap('map').set('marker', 2);
			await waitFor(() => other.doc.getMap('map').get('marker') === 2, { message: 'second marker' });
			const snapshot = new Y.Doc();
			Y.applyUpdate(snapshot, await server.realtime.snapshot(courseId));
			expect(snapshot.getMap('map').has('sneaky')).toBe(false);
		} finally {
			owner.destroy();
			viewer.destroy();
			other.destroy();
		}

		// Nothing of the viewer's reached the database, and no stored batch names the viewer as author.
		await waitFor(() => server.realtime.stats().pendingWrites === 0, { message: 'writes to settle' });
		const rows = await database.db.selectFrom('course_doc_updates').select(['update', 'author_ids']).where('course_id', '=', courseId).execute();
		const stored = new Y.Doc();
		for (const row of rows) Y.applyUpdate(stored, row.update);
		expect(stored.getMap('map').has('sneaky')).toBe(false);
		expect(rows.every((row) => !row.author_ids.includes(viewerId))).toBe(true);
	});

	it('drops a raw update frame from a read-only socket without closing it', async () => {
		const raw = await openRawPeer(`${server.collabUrl}/${courseId}`, { token: viewerToken, origin: server.origin });
		try {
			const forged = new Y.Doc();
			forged.getText('text').insert(0, 'forged');
			raw.ws.send(syncUpdateFrame(Y.encodeStateAsUpdate(forged)));
			const snapshot = new Y.Doc();
			// The socket stays open: a ping round trip proves the server is still talking to it.
			await new Promise<void>((resolve) => {
				raw.ws.once('pong', () => resolve());
				raw.ws.ping();
			});
			Y.applyUpdate(snapshot, await server.realtime.snapshot(courseId));
			expect(snapshot.getText('text').toString()).not.toContain('forged');
			expect(raw.ws.readyState).toBe(raw.ws.OPEN);
		} finally {
			raw.ws.terminate();
		}
	});
});
