import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { docToSpec } from '$lib/course-spec/doc';
import { parseSpec } from '$lib/course-spec/schema';
import { listArray, itemId } from '$lib/course-spec/layout';
import { addModule, addOutcome, deleteItem, getRichText, getText, moveItem, setMeta, toggleOutcomeLink } from '$lib/course-spec/mutations';
import type { DatabaseHandle } from '$lib/server/db';
import { loadDocState } from '$lib/server/realtime';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import type { RunningApp } from '$tests/support/app-server';
import { clusterPrerequisites, createClusterDatabase, redisServerInstalled, startCluster, startPrivateRedis, type PrivateRedis } from '$tests/support/cluster';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startLoadBalancer, type LoadBalancer } from '$tests/support/load-balancer';
import { ensureProductionBuild } from '$tests/support/production-build';
import { connectProvider, docFromUpdate, waitFor, waitForSynced } from '$tests/support/realtime-clients';

/**
 * Two (and more) real production processes with REDIS_URL, sharing one PostgreSQL database and one
 * Redis, with clients on each: they must edit one course as if on one server. Needs PostgreSQL and
 * Redis, so it runs in the integration:postgres project (CI sets TEST_DATABASE_URL and has Redis on
 * 127.0.0.1:6379) and is skipped, with the reason in its name, elsewhere.
 */

const prerequisites = process.env.TEST_DB === 'postgres' ? await clusterPrerequisites() : { ok: false as const, reason: 'runs in integration:postgres (processes share one PostgreSQL)' };
const redisInstalled = prerequisites.ok && (await redisServerInstalled());
const skipReason = prerequisites.ok ? '' : ` (skipped: ${prerequisites.reason})`;

let cluster: Awaited<ReturnType<typeof createClusterDatabase>> | undefined;
let db: DatabaseHandle['db'];
const apps: RunningApp[] = [];
const providers: WebsocketProvider[] = [];
const balancers: LoadBalancer[] = [];
const redises: PrivateRedis[] = [];

async function start(count: number, redisUrl: string): Promise<RunningApp[]> {
	if (!prerequisites.ok) throw new Error('unreachable');
	const started = await startCluster(count, { DATABASE_URL: cluster!.url, REDIS_URL: redisUrl });
	apps.push(...started);
	return started;
}

function connect(app: RunningApp | LoadBalancer, courseId: string, token: string): WebsocketProvider {
	const provider = connectProvider(`${app.url.replace(/^http/, 'ws')}/collab`, courseId, { token, origin: app.url });
	providers.push(provider);
	return provider;
}

async function newCourse() {
	const owner = await buildUser(db, { name: 'Olga Owner' });
	const editor = await buildUser(db, { name: 'Eero Editor' });
	const course = await buildCourse(db, owner, 'Sustainable development for SMEs');
	await addMember(db, course.id, editor.id, 'editor', 'company_partner');
	return { courseId: course.id, owner, editor, ownerToken: await buildSession(db, owner.id), editorToken: await buildSession(db, editor.id) };
}

const storedDoc = async (courseId: string) => docFromUpdate(await loadDocState(db, courseId));

describe.skipIf(!prerequisites.ok)(`several app processes through Redis${skipReason}`, () => {
	let a: RunningApp;
	let b: RunningApp;

	beforeAll(async () => {
		if (!prerequisites.ok) return;
		await ensureProductionBuild();
		cluster = await createClusterDatabase(prerequisites.postgresUrl);
		db = cluster.handle.db;
		[a, b] = await start(2, prerequisites.redisUrl);
	}, 300_000);

	afterAll(async () => {
		for (const provider of providers) provider.destroy();
		for (const balancer of balancers) await balancer.close();
		await Promise.all(apps.map((app) => app.kill()));
		for (const redis of redises) await redis.kill();
		await cluster?.drop();
	}, 60_000);

	it('random concurrent spec edits from clients on both processes converge, on every client and in storage', async () => {
		const { courseId, ownerToken, editorToken } = await newCourse();
		const clients = [connect(a, courseId, ownerToken), connect(b, courseId, editorToken), connect(a, courseId, editorToken), connect(b, courseId, ownerToken)];
		await Promise.all(clients.map((client) => waitForSynced(client)));
		await Promise.all(
			clients.map(async (client, i) => {
				for (let step = 0; step < 30; step++) {
					randomSpecEdit(client.doc, `c${i}s${step}`);
					if (Math.random() < 0.5) await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
				}
			})
		);
		const specOf = (doc: Y.Doc) => JSON.stringify(docToSpec(doc));
		await waitFor(() => clients.every((client) => specOf(client.doc) === specOf(clients[0].doc)), {
			timeout: 20_000,
			message: 'clients on two processes to converge'
		});
		const spec = docToSpec(clients[0].doc);
		const parsed = parseSpec(spec);
		expect(parsed.ok ? [] : parsed.issues).toEqual([]);
		// Each process stored its own clients' edits: together, the database holds the same spec.
		await waitFor(async () => specOf(await storedDoc(courseId)) === specOf(clients[0].doc), { message: 'storage to hold the converged spec' });
		for (const client of clients) client.destroy();
	}, 60_000);

	it('a member removed on process A loses the socket open on process B; a logout on A closes its socket on B', async () => {
		const { courseId, owner, editor, ownerToken, editorToken } = await newCourse();
		const closedWith = (provider: WebsocketProvider) =>
			new Promise<number>((resolve) => provider.on('connection-close', (event: CloseEvent | null) => event && resolve(event.code)));

		const editorOnB = connect(b, courseId, editorToken);
		await waitForSynced(editorOnB);
		const editorClosed = closedWith(editorOnB);
		const form = new URLSearchParams({ userId: editor.id });
		const removed = await fetch(`${a.url}/courses/${courseId}/team?/remove`, {
			method: 'POST',
			headers: { Cookie: `${SESSION_COOKIE}=${ownerToken}`, Origin: a.url, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: form
		});
		expect(removed.status).toBe(200);
		expect(await removed.json()).toMatchObject({ type: 'success' });
		expect(await editorClosed).toBe(4403);

		// The owner's second session: logging it out on A ends its socket on B, not the other session's.
		const secondToken = await buildSession(db, owner.id);
		const ownerOnB = connect(b, courseId, secondToken);
		const otherSession = connect(b, courseId, ownerToken);
		await Promise.all([waitForSynced(ownerOnB), waitForSynced(otherSession)]);
		const ownerClosed = closedWith(ownerOnB);
		const logout = await fetch(`${a.url}/logout`, {
			method: 'POST',
			headers: { Cookie: `${SESSION_COOKIE}=${secondToken}`, Origin: a.url, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: ''
		});
		expect(await logout.json()).toMatchObject({ type: 'redirect', location: '/' });
		expect(await ownerClosed).toBe(4401);
		expect(otherSession.wsconnected).toBe(true);
		for (const provider of [ownerOnB, otherSession, editorOnB]) provider.destroy();
	}, 60_000);

	it('presence crosses processes, and goes when its person leaves or their process is killed', async () => {
		const { courseId, ownerToken, editorToken } = await newCourse();
		const [c] = await start(1, prerequisites.ok ? prerequisites.redisUrl : '');
		const watcher = connect(a, courseId, ownerToken);
		await waitForSynced(watcher);
		const seesField = (field: string) => [...watcher.awareness.getStates().values()].some((state) => state.field === field);

		const leaving = connect(c, courseId, editorToken);
		await waitForSynced(leaving);
		leaving.awareness.setLocalStateField('field', 'title');
		await waitFor(() => seesField('title'), { message: 'presence from process C on process A' });
		expect(seesField('title')).toBe(true);
		leaving.destroy();
		await waitFor(() => !seesField('title'), { message: 'presence removed when its person left' });
		expect(seesField('title')).toBe(false);

		// A process joining late learns who is already there (it asks the others when it opens the room).
		const lateWatcher = connect(b, courseId, editorToken);
		const stays = connect(c, courseId, editorToken);
		await Promise.all([waitForSynced(lateWatcher), waitForSynced(stays)]);
		stays.awareness.setLocalStateField('field', 'summary');
		await waitFor(() => seesField('summary'), { message: 'presence from process C' });
		await waitFor(() => [...lateWatcher.awareness.getStates().values()].some((state) => state.field === 'summary'), {
			message: 'presence on process B'
		});

		stays.disconnect(); // its client must not renew the state through a reconnect
		await c.kill(); // kill -9: no goodbye; the others notice the missing heartbeats
		// Well before the 30 s after which y-protocols itself drops a state nobody renews.
		await waitFor(() => !seesField('summary'), { timeout: 15_000, message: 'presence removed after its process was killed' });
		expect(seesField('summary')).toBe(false);
		lateWatcher.destroy();
		watcher.destroy();
	}, 60_000);

	it('kill -9 of one process mid-burst: every edit another process delivered is stored, and clients fail over', async () => {
		const { courseId, ownerToken, editorToken } = await newCourse();
		const [doomed] = await start(1, prerequisites.ok ? prerequisites.redisUrl : '');
		const balancer = await startLoadBalancer([doomed.url]);
		balancers.push(balancer);
		const EDITS = 200;
		const observer = connect(a, courseId, editorToken);
		const gone = connect(doomed, courseId, ownerToken); // never comes back: nobody can re-send its edits
		const failsOver = connect(balancer, courseId, ownerToken);
		await Promise.all([waitForSynced(observer), waitForSynced(gone), waitForSynced(failsOver)]);
		balancer.backends = [doomed.url, a.url]; // the doomed process first, as long as it accepts connections

		const editsIn = (doc: Y.Doc, name: string) => new Set(doc.getText(name).toString().match(/e\d+;/g) ?? []);
		let seenAtKill: Set<string> | null = null;
		const killed = (async () => {
			await waitFor(() => editsIn(observer.doc, 'gone').size >= EDITS / 2, { message: 'half the burst on the observer' });
			seenAtKill = editsIn(observer.doc, 'gone');
			doomed.process.kill('SIGKILL');
			gone.destroy();
		})();
		for (let i = 0; i < EDITS && !seenAtKill; i++) {
			gone.doc.getText('gone').insert(0, `e${i};`);
			failsOver.doc.getText('failover').insert(0, `e${i};`);
			if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		}
		await killed;
		await doomed.kill();
		for (let i = EDITS; i < EDITS + 20; i++) failsOver.doc.getText('failover').insert(0, `e${i};`); // typed while disconnected
		const typed = editsIn(failsOver.doc, 'failover');

		await waitFor(() => failsOver.wsconnected && failsOver.synced, { timeout: 20_000, message: 'the client to fail over to process A' });
		await waitFor(() => editsIn(observer.doc, 'failover').size === typed.size, { timeout: 20_000, message: 'the failed-over edits on A' });
		await waitFor(
			async () => {
				const stored = await storedDoc(courseId);
				const storedGone = editsIn(stored, 'gone');
				return [...seenAtKill!].every((edit) => storedGone.has(edit)) && editsIn(stored, 'failover').size === typed.size;
			},
			{ timeout: 20_000, message: 'every delivered edit in storage' }
		);
		expect(seenAtKill!.size).toBeGreaterThanOrEqual(EDITS / 2);
		observer.destroy();
		failsOver.destroy();
	}, 120_000);

	it.skipIf(!redisInstalled)('Redis restarted mid-editing: processes resubscribe, re-sync, and the documents converge', async () => {
		const { courseId, ownerToken, editorToken } = await newCourse();
		const redis = await startPrivateRedis();
		redises.push(redis);
		const [e, f] = await start(2, redis.url);
		const onE = connect(e, courseId, ownerToken);
		const onF = connect(f, courseId, editorToken);
		await Promise.all([waitForSynced(onE), waitForSynced(onF)]);
		const words = (doc: Y.Doc) => new Set(doc.getText('words').toString().match(/[ef]\d+;/g) ?? []);
		const type = async (from: number, to: number) => {
			for (let i = from; i < to; i++) {
				onE.doc.getText('words').insert(0, `e${i};`);
				onF.doc.getText('words').insert(0, `f${i};`);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
		};
		await type(0, 20);
		await waitFor(() => words(onE.doc).size === 40 && words(onF.doc).size === 40, { message: 'edits crossing before the restart' });

		const editing = type(20, 120); // goes on while Redis is away and after it is back
		await new Promise((resolve) => setTimeout(resolve, 200));
		await redis.kill();
		await new Promise((resolve) => setTimeout(resolve, 500));
		await redis.start();
		await editing;
		await waitFor(() => words(onE.doc).size === 240 && words(onF.doc).size === 240, {
			timeout: 30_000,
			message: 'both clients to hold every edit after the Redis restart'
		});
		expect(onE.doc.getText('words').toString()).toBe(onF.doc.getText('words').toString());
		await waitFor(async () => words(await storedDoc(courseId)).size === 240, { message: 'storage to hold every edit' });
		onE.destroy();
		onF.destroy();
	}, 120_000);
});

const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
const ids = (doc: Y.Doc, list: 'learningOutcomes' | 'modules') =>
	listArray(doc, list)
		.toArray()
		.map(itemId)
		.filter((id): id is string => id !== null);
const titled = new WeakSet<object>();

/** One random edit of the kinds people make in the editor (as in realtime-spec-convergence). */
function randomSpecEdit(doc: Y.Doc, label: string): void {
	const choice = Math.floor(Math.random() * 9);
	const outcome = pick(ids(doc, 'learningOutcomes'));
	const module = pick(ids(doc, 'modules'));
	if (choice === 0) setMeta(doc, 'ectsCredits', Math.ceil(Math.random() * 10));
	else if (choice === 1) {
		const title = getText(doc, 'title', 'en');
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
