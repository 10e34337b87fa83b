import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { docToSpec } from '$lib/course-spec/doc';
import { CloseEvents } from '$lib/server/realtime';
import { appendDocUpdate, compactDoc, loadDocState } from '$lib/server/realtime/persistence';
import { saveVersion } from '$lib/server/versions';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { connectProvider, openRawPeer, syncUpdateFrame, waitFor, waitForSynced } from '$tests/support/realtime-clients';
import { hostileUpdate, type HostileKind } from '$tests/support/realtime-hostile';
import { withoutLive } from '$lib/server/live-context';

// "One update from any editor freezes a live course": a hostile update must be refused before it
// touches the live document, its sender closed and the event logged, while everyone else goes on
// editing, saving and joining.

let server: TestRealtimeServer;
type Person = Awaited<ReturnType<typeof buildUser>>;
let owner: Person;
let mallory: Person;
let ownerToken: string;
let malloryToken: string;

const { db } = await createTestDatabase();
afterAll(() => server?.close());

beforeAll(async () => {
	owner = await buildUser(db, { name: 'Olga Owner' });
	mallory = await buildUser(db, { name: 'Mallory' });
	ownerToken = await buildSession(db, owner.id);
	malloryToken = await buildSession(db, mallory.id);
	server = await startRealtimeServer(db);
});

afterEach(() => {
	vi.restoreAllMocks();
});

async function newCourse(): Promise<string> {
	const { id } = await buildCourse(db, owner);
	await addMember(db, id, mallory.id, 'editor');
	return id;
}

const peer = () => ({ token: ownerToken, origin: server.origin });
const warnings = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((call) => call.join(' '));

/** Everything people do with a course after the attack: edit, see each other's edits, store, save, join. */
async function expectCourseKeepsWorking(courseId: string, marker: string) {
	const editor = connectProvider(server.collabUrl, courseId, peer());
	const bystander = connectProvider(server.collabUrl, courseId, peer());
	try {
		await Promise.all([waitForSynced(editor), waitForSynced(bystander)]);
		editor.doc.getMap('meta').set('code', marker);
		await waitFor(() => bystander.doc.getMap('meta').get('code') === marker, { message: 'the edit to reach the others' });
		await waitFor(() => server.realtime.stats().pendingWrites === 0, { message: 'the edit to be stored' });
		const stored = new Y.Doc();
		Y.applyUpdate(stored, await loadDocState(db, courseId));
		expect(docToSpec(stored).code).toBe(marker);

		const version = await saveVersion(withoutLive(db), owner, courseId, `after ${marker}`);
		expect(version.number).toBeGreaterThan(0);

		const joiner = connectProvider(server.collabUrl, courseId, peer());
		try {
			await waitForSynced(joiner);
			expect(joiner.doc.getMap('meta').get('code')).toBe(marker);
		} finally {
			joiner.destroy();
		}
		expect(editor.wsconnected && bystander.wsconnected).toBe(true);
	} finally {
		editor.destroy();
		bystander.destroy();
	}
}

describe('a hostile update from an editor', () => {
	it.each<[HostileKind, number]>([
		['map value', 20_000],
		['embed', 20_000],
		['format attribute', 20_000],
		['nested maps', 4_000]
	])('(%s, %i levels) is refused: its sender is closed and logged, the others go on', async (kind, depth) => {
		const courseId = await newCourse();
		const warn = vi.spyOn(console, 'warn');
		const witness = connectProvider(server.collabUrl, courseId, peer());
		try {
			await waitForSynced(witness);
			const attacker = await openRawPeer(`${server.collabUrl}/${courseId}`, { token: malloryToken, origin: server.origin });
			attacker.ws.send(syncUpdateFrame(hostileUpdate(kind, await server.realtime.snapshot(courseId), depth)));
			expect((await attacker.closed).code).toBe(CloseEvents.BadMessage.code);
			expect(warnings(warn).some((line) => line.includes(courseId) && line.includes(mallory.id))).toBe(true);
			// Someone already connected keeps their socket and sees the others' edits.
			await expectCourseKeepsWorking(courseId, `after a hostile ${kind}`);
			expect(witness.wsconnected).toBe(true);
			expect(witness.doc.getMap('meta').get('code')).toBe(`after a hostile ${kind}`);
		} finally {
			witness.destroy();
		}
	});
});

describe('a hostile update already in the database', () => {
	it.each<HostileKind>(['map value', 'embed', 'nested maps'])('(%s) is left out when the course opens; the rest is served', async (kind) => {
		const courseId = await newCourse();
		const state = await loadDocState(db, courseId);
		await appendDocUpdate(db, courseId, hostileUpdate(kind, state, kind === 'nested maps' ? 4_000 : 20_000), [mallory.id]);
		// A later, honest edit stored after it.
		const honest = new Y.Doc();
		Y.applyUpdate(honest, state);
		const before = Y.encodeStateVector(honest);
		honest.getMap('meta').set('nqfLevel', 'kept');
		await appendDocUpdate(db, courseId, Y.encodeStateAsUpdate(honest, before), [owner.id]);
		const warn = vi.spyOn(console, 'warn');

		// Saving a version reads the stored document while no room is loaded.
		await saveVersion(withoutLive(db), owner, courseId, 'from the database');
		const reader = connectProvider(server.collabUrl, courseId, peer());
		try {
			await waitForSynced(reader);
			expect(reader.doc.getMap('meta').get('nqfLevel')).toBe('kept');
		} finally {
			reader.destroy();
		}
		expect(warnings(warn).some((line) => line.includes(courseId))).toBe(true);
		await expectCourseKeepsWorking(courseId, `after a stored ${kind}`);

		// Compaction folds the rows into a state without the hostile content.
		await compactDoc(db, courseId);
		const compacted = new Y.Doc();
		Y.applyUpdate(compacted, await loadDocState(db, courseId));
		expect(compacted.getMap('meta').get('nqfLevel')).toBe('kept');
		expect(() => compacted.getMap('meta').delete('deeper')).not.toThrow();
	});
});
