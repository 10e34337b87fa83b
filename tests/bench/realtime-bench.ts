import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/types';
import { createDatabase, migrateToLatest, type DatabaseHandle } from '$lib/server/db';
import { attachRealtime, type RealtimeServer } from '$lib/server/realtime';
import { authorizeCollab } from '$lib/server/collab-access';
import { createUser } from '$lib/server/users';
import { createCourse } from '$lib/server/courses';
import { createSession, generateSessionToken, SESSION_COOKIE } from '$lib/server/auth/session';
import { updateProblem } from '$lib/server/realtime/update-guard';
import * as Y from 'yjs';
import { buildCourseDoc } from './realtime-docs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Rooms × clients per room, shared with bench:realtime:process. */
export const FANOUT: Array<[rooms: number, clients: number]> = [
	[1, 10],
	[1, 200],
	[10, 50],
	[10, 200],
	[100, 2],
	[100, 10]
];
const COLD_SIZES = [10 * 1024, 100 * 1024, 1024 * 1024];
const COLD_REPEATS = 5;
const IDLE_CONNECTIONS = 1000;
const IDLE_DOCS = 100;
const IDLE_DOC_BYTES = 8 * 1024;
const MiB = 1024 * 1024;

/** Progress goes to stderr, so stdout carries only the table. */
const progress = (step: string) => process.stderr.write(`[bench] ${step}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gc = (globalThis as unknown as { gc: () => void }).gc;

/** Heap after forced GCs, once sockets and timers have settled. */
async function settledMemory(): Promise<{ heap: number; rss: number }> {
	await sleep(500);
	for (let i = 0; i < 4; i++) {
		gc();
		await sleep(50);
	}
	const { heapUsed, rss } = process.memoryUsage();
	return { heap: heapUsed, rss };
}

/** The client pool in its own process; `call` runs one command there. */
export function startClients(): { pid: number; call<T>(command: string, args?: object): Promise<T>; stop(): void } {
	const child: ChildProcess = fork(path.resolve(import.meta.dirname, 'realtime-clients.mjs'), [], { execArgv: [] });
	let nextId = 0;
	const pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
	child.on('exit', (code, signal) => {
		for (const waiter of pending.values()) waiter.reject(new Error(`bench clients exited (${code ?? signal})`));
		pending.clear();
	});
	child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
		const waiter = pending.get(message.id);
		pending.delete(message.id);
		if (message.error) waiter?.reject(new Error(message.error));
		else waiter?.resolve(message.result);
	});
	return {
		pid: child.pid!,
		call<T>(command: string, args: object = {}) {
			const id = nextId++;
			return new Promise<T>((resolve, reject) => {
				pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
				child.send({ id, command, args });
			});
		},
		stop: () => child.kill()
	};
}

async function openDatabase(): Promise<{ handle: DatabaseHandle; label: string; cleanup(): Promise<void> }> {
	const url = process.env.DATABASE_URL;
	if (url) {
		const schema = `bench_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
		const admin = async (statement: string) => {
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			await client.query(statement).finally(() => client.end());
		};
		await admin(`create schema ${schema}`);
		const handle = await createDatabase({ url, schema });
		return { handle, label: 'PostgreSQL (DATABASE_URL)', cleanup: () => admin(`drop schema ${schema} cascade`) };
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-course-bench-'));
	const handle = await createDatabase({ pgliteDir: path.join(dir, 'pglite') });
	return { handle, label: 'PGlite (data dir)', cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function waitUntil(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('bench: timed out waiting for the server to settle');
		await sleep(20);
	}
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '–');
const mib = (bytes: number) => `${(bytes / MiB).toFixed(2)} MiB`;
const kib = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`);

/** Microseconds per call of `fn`, as the median of a few timed batches (after a warm-up batch). */
function microsPerCall(fn: () => void, calls: number): number {
	const batches: number[] = [];
	for (let batch = 0; batch < 6; batch++) {
		const start = performance.now();
		for (let i = 0; i < calls; i++) fn();
		if (batch > 0) batches.push(((performance.now() - start) * 1000) / calls);
	}
	return batches.sort((a, b) => a - b)[Math.floor(batches.length / 2)];
}

/** What checking a peer's update before it is applied costs, against a live 100 KiB course document. */
function measureUpdateGuard(): Array<[string, string, string]> {
	const live = new Y.Doc();
	Y.applyUpdate(live, buildCourseDoc(100 * 1024, 0).state);
	const peer = new Y.Doc();
	Y.applyUpdate(peer, Y.encodeStateAsUpdate(live));
	const updates: Uint8Array[] = [];
	peer.on('update', (update: Uint8Array) => updates.push(update));
	const text = peer.getText('summary');
	text.insert(Math.floor(text.length / 2), 'x'); // a keystroke
	text.insert(10, 'A pasted paragraph with a handful of words in it. '.repeat(60)); // a paste of ~3 KB
	peer.getMap('meta').set('ects', '5'); // a scalar field
	const bigSync = buildCourseDoc(1024 * 1024, 0).state; // a reconnect catching up on 1 MiB
	const [keystroke, paste, scalar] = updates;
	const us = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} µs`;
	const row = (label: string, update: Uint8Array, calls: number): [string, string, string] => [
		`update guard: ${label} (${update.byteLength < 1024 ? `${update.byteLength} B` : kib(update.byteLength)})`,
		us(microsPerCall(() => updateProblem(live, update), calls)),
		''
	];
	return [
		row('keystroke', keystroke, 20_000),
		row('scalar field', scalar, 20_000),
		row('paste', paste, 5_000),
		[
			`update guard: sync of a 1 MiB document (${kib(bigSync.byteLength)}) vs applying it`,
			`${(microsPerCall(() => updateProblem(new Y.Doc(), bigSync), 3) / 1000).toFixed(1)} ms vs ${(
				microsPerCall(() => Y.applyUpdate(new Y.Doc(), bigSync), 3) / 1000
			).toFixed(1)} ms`,
			''
		]
	];
}

/**
 * One editor whose session every bench client uses, and helpers that make courses for it and store
 * a built document (state row plus update rows) for a course.
 */
export async function seedEditor(db: Kysely<Database>) {
	const user = await createUser(db, { name: 'Bench', email: `bench-${Date.now()}@example.org`, password: 'bench password 1' });
	const token = generateSessionToken();
	await createSession(db, token, user.id);
	const newCourses = async (count: number) => {
		const ids: string[] = [];
		for (let i = 0; i < count; i++) ids.push((await createCourse(db, user, { title: `Bench ${i}` })).id);
		return ids;
	};
	const storeDoc = async (courseId: string, doc: ReturnType<typeof buildCourseDoc>) => {
		// Marked as a live room's compaction leaves it (encoded from its guarded document), which is
		// how the state of a course people have edited is stored.
		await db.insertInto('course_doc_state').values({ course_id: courseId, state: doc.state, guarded: true }).execute();
		for (const update of doc.updates) {
			await db.insertInto('course_doc_updates').values({ course_id: courseId, update, author_ids: [user.id] }).execute();
		}
	};
	return { token, newCourses, storeDoc };
}

export async function runRealtimeBench(): Promise<void> {
	const { handle, label, cleanup } = await openDatabase();
	const { db } = handle;
	await migrateToLatest(db);
	progress(`seeding ${label}`);

	const { token, newCourses, storeDoc } = await seedEditor(db);
	const fanoutCourses = await newCourses(100);
	const idleCourses = await newCourses(10);
	const docCourses = await newCourses(IDLE_DOCS);
	progress('building documents');
	const idleDoc = buildCourseDoc(IDLE_DOC_BYTES);
	for (const id of docCourses) await storeDoc(id, idleDoc);
	const coldCourses: Array<{ size: number; bytes: number; ids: string[] }> = [];
	for (const size of COLD_SIZES) {
		const doc = buildCourseDoc(size);
		const ids = await newCourses(COLD_REPEATS);
		for (const id of ids) await storeDoc(id, doc);
		coldCourses.push({ size, bytes: doc.bytes, ids });
	}

	progress('starting the server and the client process');
	const server = http.createServer();
	const realtime: RealtimeServer = attachRealtime(server, {
		db,
		authorize: (request) => authorizeCollab(db, request),
		// Short grace so the "after every client leaves" figure does not wait 5 s per room.
		tuning: { unloadGraceMs: 200 }
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	const baseUrl = `ws://127.0.0.1:${port}/collab`;
	const headers = { Cookie: `${SESSION_COOKIE}=${token}`, Origin: origin };
	const clients = startClients();
	const rows: Array<[string, string, string]> = [];

	try {
		// Warm-up (JIT, lazily created objects), then the baseline every heap figure is compared with.
		await clients.call('fanout', { baseUrl, headers, rooms: fanoutCourses.slice(0, 2), clients: 20, rate: 10, warmupMs: 500, durationMs: 1000 });
		await waitUntil(() => realtime.stats().rooms === 0);
		const start = await settledMemory();

		for (const [roomCount, clientCount] of FANOUT) {
			progress(`fan-out ${roomCount}×${clientCount}`);
			const result = await clients.call<{ p50: number; p95: number; p99: number; samples: number; expected: number }>('fanout', {
				baseUrl,
				headers,
				rooms: fanoutCourses.slice(0, roomCount),
				clients: clientCount,
				rate: 10,
				warmupMs: 1000,
				durationMs: SECONDS * 1000
			});
			const target = roomCount === 10 && clientCount === 200 ? 'p99 ≤ 16 ms' : '';
			rows.push([
				`fan-out ${roomCount}×${clientCount}, 10 edits/s/room: p50 / p95 / p99`,
				`${ms(result.p50)} / ${ms(result.p95)} / ${ms(result.p99)} ms (${result.samples.toLocaleString('en')} of ${result.expected.toLocaleString('en')} deliveries)`,
				target
			]);
			await waitUntil(() => realtime.stats().connections === 0);
		}
		await waitUntil(() => realtime.stats().rooms === 0);

		progress('idle connections and documents');
		// Idle connections: rooms already loaded (one socket each), then IDLE_CONNECTIONS more sockets.
		for (const id of idleCourses) await clients.call('connectIdle', { url: `${baseUrl}/${id}`, headers, count: 1 });
		const beforeIdle = await settledMemory();
		for (const id of idleCourses) {
			await clients.call('connectIdle', { url: `${baseUrl}/${id}`, headers, count: IDLE_CONNECTIONS / idleCourses.length });
		}
		const withIdle = await settledMemory();
		const perConnection = (withIdle.heap - beforeIdle.heap) / IDLE_CONNECTIONS;
		rows.push([
			`heap (after GC) per ${IDLE_CONNECTIONS} idle connections`,
			`${mib(withIdle.heap - beforeIdle.heap)} (RSS +${mib(withIdle.rss - beforeIdle.rss)})`,
			'≤ 5 MiB'
		]);
		await clients.call('closeAll');
		await waitUntil(() => realtime.stats().rooms === 0);

		// Idle documents: one socket each; the sockets' own cost (measured above) is subtracted.
		const beforeDocs = await settledMemory();
		for (const id of docCourses) await clients.call('connectIdle', { url: `${baseUrl}/${id}`, headers, count: 1 });
		const withDocs = await settledMemory();
		rows.push([
			`heap (after GC) per ${IDLE_DOCS} idle docs of ${kib(idleDoc.bytes)}`,
			`${mib(withDocs.heap - beforeDocs.heap - IDLE_DOCS * perConnection)} (RSS +${mib(withDocs.rss - beforeDocs.rss)})`,
			''
		]);
		await clients.call('closeAll');
		await waitUntil(() => realtime.stats().rooms === 0 && realtime.stats().pendingWrites === 0);
		const end = await settledMemory();
		rows.push([
			'heap still held after every client left (vs. start)',
			`${end.heap >= start.heap ? '+' : ''}${mib(end.heap - start.heap)} (RSS ${mib(end.rss - start.rss)})`,
			'≤ 2 MiB'
		]);

		progress('cold opens');
		// Cold opens: rooms never loaded, read from the database, timed from connect to sync step 2.
		for (const { size, bytes, ids } of coldCourses) {
			const times: number[] = [];
			for (const id of ids) times.push((await clients.call<{ ms: number }>('coldOpen', { url: `${baseUrl}/${id}`, headers })).ms);
			times.sort((a, b) => a - b);
			rows.push([
				`cold open of a ${kib(size)} doc (${kib(bytes)} + 50 update rows): median / max of ${ids.length}`,
				`${ms(times[Math.floor(times.length / 2)])} / ${ms(times[times.length - 1])} ms`,
				size === 1024 * 1024 ? '≤ 350 ms' : ''
			]);
		}

		progress('update guard');
		rows.push(...measureUpdateGuard());
	} finally {
		clients.stop();
		await realtime.close();
		server.closeAllConnections();
		server.close();
		await handle.close();
		await cleanup();
	}

	console.log(
		`\nCo-course realtime bench — in-process attachRealtime on an http.Server, ${label}; ` +
			`clients in a child process; Node ${process.version}, ${os.cpus().length} CPUs, ${SECONDS} s per fan-out run\n`
	);
	const width = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length), ['measure', 'result', 'target'][i].length));
	const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(width[i])).join(' | ')} |`;
	console.log(line(['measure', 'result', 'target']));
	console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const row of rows) console.log(line(row));
}
