import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { docToSpec } from '$lib/course-spec/doc';
import { addOutcome, getText, setMeta } from '$lib/course-spec/mutations';
import { appRealtimeDeps } from '$lib/server/live';
import { attachRealtime, loadDocState, type RealtimeServer } from '$lib/server/realtime';
import { getVersion, listVersions, saveVersion } from '$lib/server/versions';
import { thinAutomaticSnapshots } from '$lib/server/versions/thinning';
import { createAutoSnapshots } from '$lib/server/versions/auto-snapshots';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { connectProvider, docFromUpdate, waitFor, waitForSynced } from '$tests/support/realtime-clients';
import { withoutLive } from '$lib/server/live-context';

// Automatic history through the app's own realtime wiring and real y-websocket clients: a burst of
// editing gives one snapshot with the people who took part, the last person leaving gives one,
// and nothing is added when nothing changed. Thinning keeps a course edited all day from flooding.

const { db } = await createTestDatabase();
type Person = Awaited<ReturnType<typeof buildUser>>;
let owner: Person;
let editor: Person;
let tokens: Map<string, string>;
const providers: WebsocketProvider[] = [];
const servers: { close(): Promise<void> }[] = [];

interface Live {
	realtime: RealtimeServer;
	collabUrl: string;
	origin: string;
}

/** The app's realtime wiring on a free port, with a snapshot interval short enough for a test. */
async function startLive(intervalMs: number): Promise<Live> {
	const server = http.createServer((_req, res) => res.writeHead(404).end());
	const realtime = attachRealtime(server, {
		...appRealtimeDeps(db, { snapshots: { intervalMs } }),
		tuning: { unloadGraceMs: 100 }
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	servers.push({
		async close() {
			await realtime.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});
	return { realtime, collabUrl: `ws://127.0.0.1:${port}/collab`, origin: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
	owner = await buildUser(db, { name: 'Liisa Lecturer' });
	editor = await buildUser(db, { name: 'Pekka Partner' });
	tokens = new Map([
		[owner.id, await buildSession(db, owner.id)],
		[editor.id, await buildSession(db, editor.id)]
	]);
});
afterEach(() => {
	for (const provider of providers.splice(0)) provider.destroy();
});
afterAll(async () => {
	await Promise.all(servers.map((s) => s.close()));
});

async function newCourse(): Promise<string> {
	const { id } = await buildCourse(db, owner, 'Platform economy');
	await addMember(db, id, editor.id, 'editor', 'company_partner');
	return id;
}

async function join(live: Live, courseId: string, person: Person): Promise<{ provider: WebsocketProvider; doc: Y.Doc }> {
	const provider = connectProvider(live.collabUrl, courseId, { token: tokens.get(person.id), origin: live.origin });
	providers.push(provider);
	await waitForSynced(provider);
	return { provider, doc: provider.doc };
}

function leave(provider: WebsocketProvider): void {
	provider.destroy();
	providers.splice(providers.indexOf(provider), 1);
}

const sameNames = (a: string[], b: string[]) => a.join('|') === b.join('|');

const automatic = async (courseId: string) =>
	(await listVersions(db, owner, courseId)).filter((v) => v.kind === 'automatic');

/** Waits until the course's room is unloaded: its last peer left, its edits are stored, its idle hook ran. */
const roomUnloaded = (live: Live) => waitFor(() => live.realtime.stats().rooms === 0, { message: 'the room to unload' });

describe('automatic snapshots', () => {
	it('takes one snapshot after a burst of editing, with everyone who took part', async () => {
		const live = await startLive(600);
		const courseId = await newCourse();
		const a = await join(live, courseId, owner);
		const b = await join(live, courseId, editor);

		getText(a.doc, 'title', 'en').insert(0, 'The ');
		addOutcome(b.doc, { en: 'Compare platform business models.' });
		setMeta(a.doc, 'ectsCredits', 3);
		getText(b.doc, 'prerequisites', 'en').insert(0, 'None.');
		await waitFor(() => docToSpec(a.doc).prerequisites.en === 'None.' && docToSpec(b.doc).ectsCredits === 3, {
			message: 'both to see every edit'
		});
		const expected = docToSpec(a.doc);

		const [snapshot] = await waitFor(async () => {
			const found = await automatic(courseId);
			return found.length > 0 ? found : null;
		}, { message: 'the automatic snapshot' });
		expect(snapshot).toMatchObject({
			kind: 'automatic',
			title: 'Automatic snapshot',
			name: null,
			savedBy: null,
			participants: ['Liisa Lecturer', 'Pekka Partner']
		});
		expect((await getVersion(db, owner, courseId, snapshot.number)).spec).toEqual(expected);

		// Everyone leaves without further edits: nothing new to keep.
		leave(a.provider);
		leave(b.provider);
		await roomUnloaded(live);
		expect(await automatic(courseId)).toHaveLength(1);
	});

	it('takes at most one snapshot per interval while editing goes on, and one when the last person leaves', async () => {
		const intervalMs = 600;
		const live = await startLive(intervalMs);
		const courseId = await newCourse();
		const a = await join(live, courseId, owner);
		const title = getText(a.doc, 'title', 'en');
		// A person typing a character every 50 ms for well over two intervals.
		const started = Date.now();
		for (let typed = 0; typed < 30; typed++) {
			title.insert(title.length, '.');
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		const typingMs = Date.now() - started;
		await waitFor(async () => (await automatic(courseId)).length > 0, { message: 'a snapshot while typing' });

		title.insert(0, 'Final: ');
		const last = docToSpec(a.doc);
		leave(a.provider);
		await roomUnloaded(live);
		const snapshots = await waitFor(async () => {
			const found = await automatic(courseId);
			const latest = found[0] && (await getVersion(db, owner, courseId, found[0].number)).spec;
			return latest?.title.en === last.title.en ? found : null;
		}, { message: 'the snapshot when the last person left' });
		expect((await getVersion(db, owner, courseId, snapshots[0].number)).spec).toEqual(last);
		// Thirty stored edits, but one snapshot per interval at most, plus the one on leaving.
		expect(snapshots.length).toBeGreaterThanOrEqual(2);
		expect(snapshots.length).toBeLessThanOrEqual(Math.ceil(typingMs / intervalMs) + 1);
		expect(snapshots.every((v) => sameNames(v.participants, ['Liisa Lecturer']))).toBe(true);
	});

	it('keeps a snapshot when the last person leaves, long before the interval is up', async () => {
		const live = await startLive(60 * 60 * 1000);
		const courseId = await newCourse();
		const b = await join(live, courseId, editor);
		addOutcome(b.doc, { en: 'Explain network effects.' });
		const spec = docToSpec(b.doc);
		leave(b.provider);
		const [snapshot] = await waitFor(async () => {
			const found = await automatic(courseId);
			return found.length > 0 ? found : null;
		}, { message: 'the snapshot on leaving' });
		expect(snapshot.participants).toEqual(['Pekka Partner']);
		expect((await getVersion(db, owner, courseId, snapshot.number)).spec).toEqual(spec);
	});

	it('adds nothing when nothing changed since the last version of any kind', async () => {
		const live = await startLive(60 * 60 * 1000);

		// Someone opens the document and leaves without editing.
		const quiet = await newCourse();
		leave((await join(live, quiet, owner)).provider);
		await roomUnloaded(live);
		expect(await listVersions(db, owner, quiet)).toEqual([]);

		// Someone edits, a named version is saved, and they leave: the named version has it all.
		const named = await newCourse();
		const a = await join(live, named, owner);
		setMeta(a.doc, 'workloadHours', 81);
		await waitFor(async () => docToSpec(docFromUpdate(await loadDocState(db, named))).workloadHours === 81, {
			message: 'the edit to be stored'
		});
		await saveVersion(withoutLive(db), owner, named, 'With workload');
		leave(a.provider);
		await roomUnloaded(live);
		expect((await listVersions(db, owner, named)).every((v) => v.kind === 'named')).toBe(true);
	});
});

describe('automatic snapshots with several app processes', () => {
	it('keeps one snapshot of a state two processes both saw their last person leave, with the people of both', async () => {
		// Two processes with the course open, kept in step by the relay: each has its own snapshot
		// keeper, and each hears only of the edits its own people made.
		const first = createAutoSnapshots(db);
		const second = createAutoSnapshots(db);
		const courseId = await newCourse();
		const here = new Y.Doc();
		addOutcome(here, { en: 'Map a platform’s sides and what each pays.' });
		const there = new Y.Doc();
		Y.applyUpdate(there, Y.encodeStateAsUpdate(here));
		first.recordEdits(courseId, here, [owner.id]);
		second.recordEdits(courseId, there, [editor.id]);

		await Promise.all([first.roomIdle(courseId, here), second.roomIdle(courseId, there)]);
		const snapshots = await automatic(courseId);
		expect(snapshots).toHaveLength(1);
		expect(snapshots[0].participants).toEqual(['Liisa Lecturer', 'Pekka Partner']);
	});
});

describe('thinning automatic snapshots', () => {
	const HOUR = 60 * 60 * 1000;
	const now = new Date('2026-12-10T12:00:00Z');

	async function insert(courseId: string, number: number, kind: 'named' | 'automatic', ageMs: number, participants: string[] = []) {
		await db
			.insertInto('course_versions')
			.values({
				id: crypto.randomUUID(),
				course_id: courseId,
				number,
				kind,
				name: kind === 'named' ? `Named ${number}` : null,
				state: new Uint8Array([0, 0]),
				spec: JSON.stringify({}),
				created_by: kind === 'named' ? owner.id : null,
				participants,
				created_at: new Date(now.getTime() - ageMs)
			})
			.execute();
	}

	it('keeps the last snapshot per hour after a day and per day after a month, folding in who took part', async () => {
		const courseId = await newCourse();
		// Forty days ago, two snapshots in one day; two days ago, an hour of editing with snapshots
		// every ten minutes and a named version in the middle; today, two more.
		const base = 48 * HOUR;
		await insert(courseId, 1, 'automatic', 40 * 24 * HOUR + 3 * HOUR, [editor.id]);
		await insert(courseId, 2, 'automatic', 40 * 24 * HOUR + 1 * HOUR, [owner.id]);
		await insert(courseId, 3, 'automatic', base - 5 * 60_000, [owner.id]);
		await insert(courseId, 4, 'automatic', base - 15 * 60_000, [editor.id]);
		await insert(courseId, 5, 'automatic', base - 25 * 60_000, [owner.id]);
		await insert(courseId, 6, 'named', base - 30 * 60_000);
		await insert(courseId, 7, 'automatic', base - 35 * 60_000, [editor.id]);
		await insert(courseId, 8, 'automatic', base - 45 * 60_000, [owner.id]);
		await insert(courseId, 9, 'automatic', 2 * HOUR);
		await insert(courseId, 10, 'automatic', 1 * HOUR);

		expect(await thinAutomaticSnapshots(db, courseId, now)).toBe(4);
		const left = await db
			.selectFrom('course_versions')
			.select(['number', 'participants'])
			.where('course_id', '=', courseId)
			.orderBy('number')
			.execute();
		const both = [owner.id, editor.id].sort();
		// The last of each day (2), of each hour (5, 8), the named version (6), and today's (9, 10).
		expect(left.map((r) => [r.number, [...r.participants].sort()])).toEqual([
			[2, both],
			[5, both],
			[6, []],
			[8, both],
			[9, []],
			[10, []]
		]);
		expect(await thinAutomaticSnapshots(db, courseId, now)).toBe(0);
	});
});
