import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { docToSpec } from '$lib/course-spec/doc';
import { parseSpec } from '$lib/course-spec/schema';
import { listArray, itemId } from '$lib/course-spec/layout';
import {
	addModule,
	addOutcome,
	deleteItem,
	getRichText,
	getText,
	moveItem,
	setMeta,
	toggleOutcomeLink
} from '$lib/course-spec/mutations';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { connectProvider, docFromUpdate, waitFor, waitForSynced } from '$tests/support/realtime-clients';

// The course spec's own edits (fields, lists, rich text) made concurrently by real y-websocket
// clients through the server must converge to one spec, the same on every client and on the server.

let server: TestRealtimeServer;
let courseId: string;
let tokens: string[];

const { db } = await createTestDatabase();
afterAll(() => server?.close());

beforeAll(async () => {
	const owner = await buildUser(db);
	const editor = await buildUser(db);
	courseId = (await buildCourse(db, owner, 'Sustainable development for SMEs')).id;
	await addMember(db, courseId, editor.id, 'editor', 'company_partner');
	tokens = [await buildSession(db, owner.id), await buildSession(db, editor.id)];
	server = await startRealtimeServer(db);
});

function isSubsequence(needle: string, haystack: string): boolean {
	let at = 0;
	for (const char of haystack) if (char === needle[at]) at++;
	return at === needle.length;
}

const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
const ids = (doc: Y.Doc, list: 'learningOutcomes' | 'modules') =>
	listArray(doc, list)
		.toArray()
		.map(itemId)
		.filter((id): id is string => id !== null);

const titled = new WeakSet<object>();

function randomSpecEdit(doc: Y.Doc, label: string): void {
	const choice = Math.floor(Math.random() * 9);
	const outcome = pick(ids(doc, 'learningOutcomes'));
	const module = pick(ids(doc, 'modules'));
	if (choice === 0) setMeta(doc, 'ectsCredits', Math.ceil(Math.random() * 10));
	else if (choice === 1) {
		const title = getText(doc, 'title', 'en');
		// The editor stops typing at the title's limit (200). Clients see each other's words only once they
		// are stored, so each checks its own view: one word per client keeps all ten together below it.
		if (title.length < 120 && !titled.has(doc)) {
			titled.add(doc);
			title.insert(Math.floor(Math.random() * (title.length + 1)), ` ${label}`);
		}
	} else if (choice === 2 || !outcome) addOutcome(doc, { en: `Apply ${label}` });
	else if (choice === 3) getText(doc, 'outcomeText', 'en', outcome)?.insert(0, `${label} `);
	else if (choice === 4) moveItem(doc, 'learningOutcomes', outcome, Math.floor(Math.random() * 4));
	else if (choice === 5 && Math.random() < 0.3) deleteItem(doc, 'learningOutcomes', outcome);
	else if (choice === 6 || !module) addModule(doc, { title: { en: `Module ${label}` }, hours: 5 });
	else if (choice === 7) toggleOutcomeLink(doc, 'modules', module, outcome);
	else {
		const summary = getRichText(doc, 'summary', 'en');
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText(`Written by ${label}.`)]);
		summary.insert(Math.floor(Math.random() * (summary.length + 1)), [paragraph]);
	}
}

async function editSpecConcurrently(clientCount: number, editsPerClient: number) {
	const providers: WebsocketProvider[] = [];
	try {
		for (let i = 0; i < clientCount; i++) {
			providers.push(connectProvider(server.collabUrl, courseId, { token: tokens[i % 2], origin: server.origin }));
		}
		await Promise.all(providers.map((p) => waitForSynced(p)));
		await Promise.all(
			providers.map(async (provider, i) => {
				for (let step = 0; step < editsPerClient; step++) {
					randomSpecEdit(provider.doc, `c${i}s${step}`);
					if (Math.random() < 0.5) await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
				}
			})
		);
		const specOf = (doc: Y.Doc) => JSON.stringify(docToSpec(doc));
		await waitFor(() => providers.every((p) => specOf(p.doc) === specOf(providers[0].doc)), {
			message: `${clientCount} clients to converge on one spec`
		});
		const spec = docToSpec(providers[0].doc);
		const serverDoc = docFromUpdate(await server.realtime.snapshot(courseId));
		expect(docToSpec(serverDoc)).toEqual(spec);
		// Whatever the interleaving, the result is a valid spec with unique item ids.
		const parsed = parseSpec(spec);
		expect(parsed.ok ? [] : parsed.issues).toEqual([]);
		expect(new Set(spec.learningOutcomes.map((o) => o.id)).size).toBe(spec.learningOutcomes.length);
		// Insertions land anywhere, but the original title's characters all survive, in order.
		expect(isSubsequence('Sustainable development for SMEs', spec.title.en)).toBe(true);
		return spec;
	} finally {
		for (const provider of providers) provider.destroy();
	}
}

describe('concurrent course-spec edits through the realtime server', () => {
	it('two clients converge on one valid spec', async () => {
		const spec = await editSpecConcurrently(2, 50);
		expect(spec.learningOutcomes.length + spec.modules.length).toBeGreaterThan(0);
	});

	it('ten clients converge on one valid spec', async () => {
		const spec = await editSpecConcurrently(10, 25);
		expect(spec.learningOutcomes.length + spec.modules.length).toBeGreaterThan(0);
	});
});
