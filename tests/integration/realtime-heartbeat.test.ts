import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseEvents } from '$lib/server/realtime';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { frameKind, openRawPeer, waitFor } from '$tests/support/realtime-clients';

// Message type 4 lets a client measure its own connection: the server answers the same frame to
// that socket only, at once, whatever the peer may do in the course.

let server: TestRealtimeServer;
let url: string;
let ownerToken: string;
let viewerToken: string;

const { db } = await createTestDatabase();
afterAll(() => server?.close());

beforeAll(async () => {
	const owner = await buildUser(db);
	const viewer = await buildUser(db);
	const courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, viewer.id, 'viewer', 'student');
	ownerToken = await buildSession(db, owner.id);
	viewerToken = await buildSession(db, viewer.id);
	server = await startRealtimeServer(db);
	url = `${server.collabUrl}/${courseId}`;
});

function heartbeatFrame(seq: number): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 4);
	encoding.writeVarUint(encoder, seq);
	return encoding.toUint8Array(encoder);
}

const heartbeats = (frames: Uint8Array[]) => frames.filter((frame) => frameKind(frame).type === 4);

describe('heartbeat (message type 4)', () => {
	it('answers the same frame to the sender only, read-only peers included', async () => {
		const viewer = await openRawPeer(url, { token: viewerToken, origin: server.origin });
		const owner = await openRawPeer(url, { token: ownerToken, origin: server.origin });
		try {
			const seq = 300_000; // more than one varUint byte
			viewer.ws.send(heartbeatFrame(seq));
			await waitFor(() => heartbeats(viewer.frames).length === 1, { message: 'the viewer’s heartbeat answer' });
			expect([...heartbeats(viewer.frames)[0]]).toEqual([...heartbeatFrame(seq)]);

			// The owner's own answer comes after anything the server sent it for the viewer's heartbeat.
			owner.ws.send(heartbeatFrame(7));
			await waitFor(() => heartbeats(owner.frames).length > 0, { message: 'the owner’s heartbeat answer' });
			expect(heartbeats(owner.frames).map((frame) => [...frame])).toEqual([[...heartbeatFrame(7)]]);
		} finally {
			viewer.ws.terminate();
			owner.ws.terminate();
		}
	});

	it('closes a socket whose heartbeat has no sequence number with 4400', async () => {
		const peer = await openRawPeer(url, { token: ownerToken, origin: server.origin });
		peer.ws.send(new Uint8Array([4]));
		expect((await peer.closed).code).toBe(CloseEvents.BadMessage.code);
	});
});
