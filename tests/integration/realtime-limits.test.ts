import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseEvents } from '$lib/server/realtime';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import {
	connectProvider,
	frameKind,
	openRawPeer,
	syncUpdateFrame,
	waitFor,
	waitForSynced,
	type RawPeer
} from '$tests/support/realtime-clients';

// What one socket may send is bounded: presence by size, client ids and rate; every frame by a
// budget no person reaches. Beyond it, presence is dropped or held back, and a flood is closed.

let server: TestRealtimeServer;
let courseId: string;
let url: string;
let ownerToken: string;
let viewerToken: string;

const { db } = await createTestDatabase();
afterAll(() => server?.close());

beforeAll(async () => {
	const owner = await buildUser(db);
	const viewer = await buildUser(db);
	courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, viewer.id, 'viewer', 'student');
	ownerToken = await buildSession(db, owner.id);
	viewerToken = await buildSession(db, viewer.id);
	server = await startRealtimeServer(db);
	url = `${server.collabUrl}/${courseId}`;
});

/** An awareness frame for one client id, with the given clock and state (JSON text). */
function awarenessFrame(clientId: number, clock: number, json: string): Uint8Array {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, 1);
	encoding.writeVarUint(update, clientId);
	encoding.writeVarUint(update, clock);
	encoding.writeVarString(update, json);
	const frame = encoding.createEncoder();
	encoding.writeVarUint(frame, 1);
	encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
	return encoding.toUint8Array(frame);
}

/** The awareness entries a raw peer has received: client id and state JSON, in arrival order. */
function receivedPresence(peer: RawPeer): Array<{ clientId: number; json: string }> {
	const entries: Array<{ clientId: number; json: string }> = [];
	for (const frame of peer.frames) {
		if (frameKind(frame).type !== 1) continue;
		const outer = decoding.createDecoder(frame);
		decoding.readVarUint(outer);
		const inner = decoding.createDecoder(decoding.readVarUint8Array(outer));
		const count = decoding.readVarUint(inner);
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(inner);
			decoding.readVarUint(inner);
			entries.push({ clientId, json: decoding.readVarString(inner) });
		}
	}
	return entries;
}

const observe = () => openRawPeer(url, { token: ownerToken, origin: server.origin });

describe('presence limits', () => {
	it('never relays a presence state over 8 KiB, and keeps the socket for the next honest one', async () => {
		const observer = await observe();
		const viewer = await openRawPeer(url, { token: viewerToken, origin: server.origin });
		try {
			viewer.ws.send(awarenessFrame(9001, 1, JSON.stringify({ field: 'x'.repeat(60 * 1024) })));
			viewer.ws.send(awarenessFrame(9001, 2, JSON.stringify({ field: 'summary' })));
			await waitFor(() => receivedPresence(observer).some((e) => e.clientId === 9001), { message: 'the honest state' });
			expect(receivedPresence(observer).filter((e) => e.clientId === 9001).map((e) => e.json)).toEqual([
				JSON.stringify({ field: 'summary' })
			]);
		} finally {
			observer.ws.terminate();
			viewer.ws.terminate();
		}
	});

	it('closes a viewer that floods presence (60 MiB) with TooManyMessages, relaying none of it', async () => {
		const observer = await observe();
		const viewer = await openRawPeer(url, { token: viewerToken, origin: server.origin });
		try {
			const big = awarenessFrame(9002, 1, JSON.stringify({ field: 'y'.repeat(1024 * 1024) }));
			for (let i = 0; i < 60 && viewer.ws.readyState === viewer.ws.OPEN; i++) viewer.ws.send(big);
			expect((await viewer.closed).code).toBe(CloseEvents.TooManyMessages.code);
			// The observer's own heartbeat answer comes after anything relayed before it.
			observer.ws.send(new Uint8Array([4, 1]));
			await waitFor(() => observer.frames.some((f) => frameKind(f).type === 4), { message: 'the observer’s heartbeat' });
			expect(receivedPresence(observer).some((e) => e.clientId === 9002)).toBe(false);
		} finally {
			observer.ws.terminate();
			viewer.ws.terminate();
		}
	});

	it('lets one socket speak for at most 4 client ids', async () => {
		const observer = await observe();
		const viewer = await openRawPeer(url, { token: viewerToken, origin: server.origin });
		try {
			for (let id = 9101; id <= 9105; id++) viewer.ws.send(awarenessFrame(id, 1, JSON.stringify({ field: `f${id}` })));
			viewer.ws.send(awarenessFrame(9101, 2, JSON.stringify({ field: 'last' })));
			await waitFor(() => receivedPresence(observer).some((e) => e.json.includes('last')), { message: 'the last state' });
			const ids = new Set(receivedPresence(observer).map((e) => e.clientId).filter((id) => id > 9100));
			expect([...ids].sort()).toEqual([9101, 9102, 9103, 9104]);
		} finally {
			observer.ws.terminate();
			viewer.ws.terminate();
		}
	});

	it('holds back presence sent faster than 20/s and relays the latest state once the rate allows', async () => {
		const observer = await observe();
		const viewer = await openRawPeer(url, { token: viewerToken, origin: server.origin });
		try {
			for (let clock = 1; clock <= 300; clock++) viewer.ws.send(awarenessFrame(9201, clock, JSON.stringify({ field: `f${clock}` })));
			await waitFor(() => receivedPresence(observer).some((e) => e.json.includes('"f300"')), { message: 'the latest state' });
			const relayed = receivedPresence(observer).filter((e) => e.clientId === 9201);
			expect(relayed.length).toBeLessThan(100);
			expect(viewer.ws.readyState).toBe(viewer.ws.OPEN);
		} finally {
			observer.ws.terminate();
			viewer.ws.terminate();
		}
	});
});

describe('the frame budget', () => {
	it('closes a socket that sends 5,000 frames at once with TooManyMessages; the others are unaffected', async () => {
		const bystander = connectProvider(server.collabUrl, courseId, { token: ownerToken, origin: server.origin });
		const editor = connectProvider(server.collabUrl, courseId, { token: ownerToken, origin: server.origin });
		try {
			await Promise.all([waitForSynced(bystander), waitForSynced(editor)]);
			const flooder = await openRawPeer(url, { token: ownerToken, origin: server.origin });
			const doc = new Y.Doc();
			const frames: Uint8Array[] = [];
			doc.on('update', (update: Uint8Array) => frames.push(syncUpdateFrame(update)));
			for (let i = 0; i < 5000; i++) doc.getMap('flood').set('n', i);
			for (const frame of frames) flooder.ws.send(frame);
			expect((await flooder.closed).code).toBe(CloseEvents.TooManyMessages.code);

			editor.doc.getMap('map').set('after the flood', true);
			await waitFor(() => bystander.doc.getMap('map').get('after the flood') === true, { message: 'the others’ edits' });
			// Relayed in the order stored, so whatever of the flood got through has arrived by now.
			expect(bystander.doc.getMap('flood').get('n') ?? -1).toBeLessThan(4999);
			expect(bystander.wsconnected && editor.wsconnected).toBe(true);
		} finally {
			bystander.destroy();
			editor.destroy();
		}
	});

	it('closes a socket that keeps asking for the whole document (sync step 1) with TooManyMessages', async () => {
		const greedy = await openRawPeer(url, { token: viewerToken, origin: server.origin });
		const stepOne = new Uint8Array([0, 0, 1, 0]); // sync step 1 with an empty state vector
		for (let i = 0; i < 50; i++) greedy.ws.send(stepOne);
		expect((await greedy.closed).code).toBe(CloseEvents.TooManyMessages.code);
		const stepTwos = greedy.frames.filter((f) => frameKind(f).type === 0 && frameKind(f).syncType === 1);
		expect(stepTwos.length).toBeLessThanOrEqual(10);
	});

	it('lets a y-websocket client closed for its budget reconnect, and loses none of its edits', async () => {
		const tight = await startRealtimeServer(db, { frameBurst: 20, framesPerSecond: 5 });
		const fast = connectProvider(tight.collabUrl, courseId, { token: ownerToken, origin: tight.origin });
		const reader = connectProvider(tight.collabUrl, courseId, { token: ownerToken, origin: tight.origin });
		try {
			await Promise.all([waitForSynced(fast), waitForSynced(reader)]);
			const closes: number[] = [];
			fast.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
			for (let i = 0; i < 60; i++) fast.doc.getArray('typed').push([i]);
			await waitFor(() => reader.doc.getArray('typed').length === 60, { message: 'every edit to arrive' });
			expect(closes).toContain(CloseEvents.TooManyMessages.code);
			expect(reader.doc.getArray('typed').toArray()).toEqual([...Array(60).keys()]);
		} finally {
			fast.destroy();
			reader.destroy();
			await tight.close();
		}
	});
});
