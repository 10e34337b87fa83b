import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseEvents } from '$lib/server/realtime';
import { createTestDatabase } from '$tests/support/db';
import { buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import {
	connectProvider,
	frameKind,
	openRawPeer,
	syncUpdateFrame,
	waitFor,
	waitForSynced
} from '$tests/support/realtime-clients';

let server: TestRealtimeServer;
let courseId: string;
let token: string;
let url: string;

// Opened at collection time so that its afterAll is registered, before ours: hooks run in reverse,
// so the realtime server flushes and closes first, then the database closes.
const { db } = await createTestDatabase();
afterAll(() => server?.close());

beforeAll(async () => {
	const owner = await buildUser(db);
	courseId = (await buildCourse(db, owner)).id;
	token = await buildSession(db, owner.id);
	server = await startRealtimeServer(db, { maxPayloadBytes: 64 * 1024, heartbeatMs: 150 });
	url = `${server.collabUrl}/${courseId}`;
});

function awarenessFrame(clientId: number, state: object): Uint8Array {
	const doc = new Y.Doc();
	doc.clientID = clientId;
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalState(state);
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]));
	awareness.destroy();
	return encoding.toUint8Array(encoder);
}

describe('a misbehaving peer only affects its own socket', () => {
	it.each([
		['an unknown message type', new Uint8Array([42, 1, 2])],
		['a truncated sync message', new Uint8Array([0, 2, 200])],
		['an unknown sync type', new Uint8Array([0, 9, 0])],
		['a Yjs update that is not one', syncUpdateFrame(new Uint8Array([255, 255, 255, 1, 2, 3]))],
		['a broken awareness update', new Uint8Array([1, 3, 1, 5])],
		['a text frame', 'hello']
	])('closes the socket that sends %s with 4400, and the room carries on', async (_name, frame) => {
		const editor = connectProvider(server.collabUrl, courseId, { token, origin: server.origin });
		const bystander = connectProvider(server.collabUrl, courseId, { token, origin: server.origin });
		try {
			await Promise.all([waitForSynced(editor), waitForSynced(bystander)]);
			const bad = await openRawPeer(url, { token, origin: server.origin });
			bad.ws.send(frame);
			expect((await bad.closed).code).toBe(CloseEvents.BadMessage.code);

			const marker = `after ${_name}`;
			editor.doc.getMap('map').set('marker', marker);
			await waitFor(() => bystander.doc.getMap('map').get('marker') === marker, { message: 'room to keep working' });
			expect(editor.wsconnected && bystander.wsconnected).toBe(true);
		} finally {
			editor.destroy();
			bystander.destroy();
		}
	});

	it('closes a socket whose frame exceeds maxPayload (1009), without touching the others', async () => {
		const bystander = connectProvider(server.collabUrl, courseId, { token, origin: server.origin });
		try {
			await waitForSynced(bystander);
			const big = await openRawPeer(url, { token, origin: server.origin });
			big.ws.send(new Uint8Array(128 * 1024));
			expect((await big.closed).code).toBe(1009);
			expect(bystander.wsconnected).toBe(true);
		} finally {
			bystander.destroy();
		}
	});

	it('ignores an attempt to overwrite another peer’s presence', async () => {
		const honest = connectProvider(server.collabUrl, courseId, { token, origin: server.origin });
		try {
			await waitForSynced(honest);
			honest.awareness.setLocalStateField('field', 'honest');
			const spoofer = await openRawPeer(url, { token, origin: server.origin });
			await waitFor(
				() => spoofer.frames.some((f) => frameKind(f).type === 1),
				{ message: 'spoofer to receive presence' }
			);
			spoofer.ws.send(awarenessFrame(honest.doc.clientID, { field: 'mallory' }));
			spoofer.ws.send(awarenessFrame(123456, { field: 'mallory' }));
			await waitFor(() => honest.awareness.getStates().get(123456)?.field === 'mallory', { message: 'spoofer’s own presence' });
			expect(honest.awareness.getStates().get(honest.doc.clientID)?.field).toBe('honest');
			spoofer.ws.terminate();
			await waitFor(() => !honest.awareness.getStates().has(123456), { message: 'spoofer’s presence to go' });
		} finally {
			honest.destroy();
		}
	});

	it('drops a peer that stops answering pings', async () => {
		const silent = await openRawPeer(url, { token, origin: server.origin }, { autoPong: false });
		expect((await silent.closed).code).toBe(1006); // terminated without a close frame
	});

	it('starts every connection with sync step 1 from the server', async () => {
		const raw = await openRawPeer(url, { token, origin: server.origin });
		try {
			await waitFor(() => raw.frames.length > 0, { message: 'first frame' });
			expect(frameKind(raw.frames[0])).toEqual({ type: 0, syncType: 0 });
		} finally {
			raw.ws.terminate();
		}
	});
});
