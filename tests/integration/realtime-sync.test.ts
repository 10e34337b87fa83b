import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { connectProvider, docContent, docFromUpdate, waitFor, waitForSynced } from '$tests/support/realtime-clients';

let server: TestRealtimeServer;
let courseId: string;
let tokens: string[];

// Opened at collection time so that its afterAll is registered, before ours: hooks run in reverse,
// so the realtime server flushes and closes first, then the database closes.
const { db } = await createTestDatabase();
afterAll(() => server?.close());

beforeAll(async () => {
	const owner = await buildUser(db);
	const editor = await buildUser(db);
	courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, editor.id, 'editor', 'company_partner');
	tokens = [await buildSession(db, owner.id), await buildSession(db, editor.id)];
	server = await startRealtimeServer(db);
});

/** One random edit on a Y.Map, Y.Array or Y.Text, the three shapes the course spec uses. */
function randomEdit(doc: Y.Doc, label: string, step: number): void {
	const map = doc.getMap('map');
	const array = doc.getArray<string>('array');
	const text = doc.getText('text');
	const choice = Math.floor(Math.random() * 5);
	if (choice === 0) map.set(`key${Math.floor(Math.random() * 8)}`, `${label}:${step}`);
	else if (choice === 1) array.insert(Math.floor(Math.random() * (array.length + 1)), [`${label}:${step}`]);
	else if (choice === 2 && array.length > 0) array.delete(Math.floor(Math.random() * array.length), 1);
	else if (choice === 3 && text.length > 0) text.delete(Math.floor(Math.random() * text.length), 1);
	else text.insert(Math.floor(Math.random() * (text.length + 1)), `${label}${step} `);
}

async function editConcurrently(clientCount: number, editsPerClient: number): Promise<void> {
	const providers: WebsocketProvider[] = [];
	try {
		for (let i = 0; i < clientCount; i++) {
			providers.push(connectProvider(server.collabUrl, courseId, { token: tokens[i % 2], origin: server.origin }));
		}
		await Promise.all(providers.map((p) => waitForSynced(p)));

		// Every client edits on its own timer, so edits cross each other on the wire.
		await Promise.all(
			providers.map(async (provider, i) => {
				for (let step = 0; step < editsPerClient; step++) {
					randomEdit(provider.doc, `c${i}`, step);
					if (Math.random() < 0.5) await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
				}
			})
		);

		const expected = () => JSON.stringify(docContent(providers[0].doc));
		await waitFor(
			() => providers.every((p) => JSON.stringify(docContent(p.doc)) === expected() && Y.encodeStateVector(p.doc).join() === Y.encodeStateVector(providers[0].doc).join()),
			{ message: `${clientCount} replicas to converge` }
		);
		const serverDoc = docFromUpdate(await server.realtime.snapshot(courseId));
		expect(docContent(serverDoc)).toEqual(docContent(providers[0].doc));
		const textLength = providers[0].doc.getText('text').length;
		expect(textLength + providers[0].doc.getArray('array').length).toBeGreaterThan(0);
	} finally {
		for (const provider of providers) provider.destroy();
	}
}

describe('realtime sync with y-websocket clients', () => {
	it('two clients making random concurrent edits converge', async () => {
		await editConcurrently(2, 60);
	});

	it('ten clients making random concurrent edits converge', async () => {
		await editConcurrently(10, 40);
	});

	it('fans presence out and removes a peer’s presence when it leaves', async () => {
		const a = connectProvider(server.collabUrl, courseId, { token: tokens[0], origin: server.origin });
		const b = connectProvider(server.collabUrl, courseId, { token: tokens[1], origin: server.origin });
		try {
			await Promise.all([waitForSynced(a), waitForSynced(b)]);
			a.awareness.setLocalStateField('field', 'ada');
			b.awareness.setLocalStateField('field', 'bo');
			await waitFor(() => a.awareness.getStates().get(b.doc.clientID)?.field === 'bo', { message: 'a to see b' });
			await waitFor(() => b.awareness.getStates().get(a.doc.clientID)?.field === 'ada', { message: 'b to see a' });

			// A late joiner gets everyone's presence at once.
			const c = connectProvider(server.collabUrl, courseId, { token: tokens[0], origin: server.origin });
			try {
				await waitFor(() => c.awareness.getStates().has(a.doc.clientID) && c.awareness.getStates().has(b.doc.clientID), {
					message: 'c to see a and b'
				});
			} finally {
				c.destroy();
			}

			// Closing the socket without a goodbye: the server removes b's presence for the others.
			(b.ws as unknown as WebSocket | null)?.terminate();
			b.destroy();
			await waitFor(() => !a.awareness.getStates().has(b.doc.clientID), { message: 'b to disappear for a' });
			expect(a.awareness.getStates().has(a.doc.clientID)).toBe(true);
		} finally {
			a.destroy();
			b.destroy();
		}
	});
});
