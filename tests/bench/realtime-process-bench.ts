import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { createDatabase, migrateToLatest, type DatabaseOptions } from '$lib/server/db';
import { loadDocState } from '$lib/server/realtime';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import * as Y from 'yjs';
import { buildCourseDoc } from './realtime-docs';
import { FANOUT, seedEditor, startClients } from './realtime-bench';
import { adminQuery, postgresReachable } from '../support/postgres-admin';

/**
 * `npm run bench:realtime:process`: the production server (`node src/server.js`, started here with
 * a data directory and database of its own and a prepared set of courses and a session) measured
 * from outside, on PGlite and PostgreSQL in the same run. Prints one table; asserts nothing.
 *
 * With it, unless BENCH_REFERENCE=0, y-websocket's own server (`@y/websocket-server`, documents in
 * memory, no access checks) is measured by the same clients in the same run, as a reference: compare
 * ratios within one run, since the machine's load moves between runs.
 *
 * The ramp reuses the fan-out section's courses, so it measures reopening courses with the update rows
 * that section left as well (which is how a stall on reopening was found): its figure depends on the
 * sections run before it.
 *
 * Environment: BENCH_SECONDS (per fan-out run, 5), BENCH_MAX_CLIENTS (top of the ramp, 9600),
 * BENCH_SECTIONS (some of first,idle,fanout,memory,cold,ramp,kill; all by default; idle always runs),
 * BENCH_NODE_FLAGS (more flags for the server's node, e.g. --cpu-prof),
 * BENCH_HEAP_SNAPSHOTS (a directory: heap snapshots of the server at idle start and after leaving),
 * BENCH_PIN (core list for taskset, "0"; empty: no pinning), BENCH_PIN_MAIN_ONLY=1 (pin only the server's
 * main thread, the event loop every socket shares, once it listens: its database, PGlite's worker
 * thread as PostgreSQL's processes, then runs where the system puts it), BENCH_POSTGRES_URL (an admin URL, else
 * TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; unreachable: PGlite only),
 * BENCH_BEFORE_ROOT (another checkout whose built server is measured too, for before/after; the
 * database is seeded by this checkout, so the other's migrator must know every migration here).
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const MAX_CLIENTS = Number(process.env.BENCH_MAX_CLIENTS ?? 9600);
const RAMP_STEP = 800;
const ROOM_SIZE = 20;
const P99_LIMIT_MS = 100;
const PIN = process.env.BENCH_PIN ?? '0';
const PIN_MAIN_ONLY = Boolean(PIN) && process.env.BENCH_PIN_MAIN_ONLY === '1';
const COLD_SIZES = [10 * 1024, 100 * 1024, 1024 * 1024];
const COLD_REPEATS = 5;
const KILL_DELAYS_S = [0, 1, 3];
const KILL_EDITS = 150;
const IDLE_CONNECTIONS = 1000;
const IDLE_ROOMS = 10;
const MiB = 1024 * 1024;
const root = path.resolve(import.meta.dirname, '../..');
/** Which parts to run (comma-separated; all by default): first, idle, fanout, memory, cold, ramp, kill. */
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'first,idle,fanout,memory,cold,ramp,kill').split(',').map((s) => s.trim()));
/** Also measure y-websocket's own server (`@y/websocket-server`, in memory) with the same clients; BENCH_REFERENCE=0 skips it. */
const REFERENCE = process.env.BENCH_REFERENCE !== '0';
/** A directory to write the server's heap snapshots to (idle start, and 10 s after every client left). */
const HEAP_SNAPSHOTS = process.env.BENCH_HEAP_SNAPSHOTS;

const progress = (step: string) => process.stderr.write(`[bench] ${step}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const countEdits = (text: string) => new Set(text.match(/e\d+;/g) ?? []).size;
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '–');
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const kib = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`);

interface Target {
	label: string;
	/** Co-course's production server, or y-websocket's own server (`@y/websocket-server`) as a reference. */
	kind: 'co-course' | 'y-websocket';
	serverRoot: string;
	postgresAdminUrl?: string;
}

interface Prepared {
	dataDir: string;
	databaseUrl?: string;
	token: string;
	fanout: string[];
	idle: string[];
	cold: Array<{ size: number; bytes: number; ids: string[] }>;
	kill: string[];
	cleanup(): Promise<void>;
}

function databaseOptions(prepared: Pick<Prepared, 'dataDir' | 'databaseUrl'>): DatabaseOptions {
	return prepared.databaseUrl ? { url: prepared.databaseUrl } : { pgliteDir: path.join(prepared.dataDir, 'pglite') };
}

const fanoutRoomCount = () => Math.max(100, Math.ceil(MAX_CLIENTS / ROOM_SIZE));

/** y-websocket's server keeps documents in memory and authorises nobody: room names are all it needs. */
function prepareReference(): Prepared {
	const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
	return {
		dataDir: '',
		token: 'none',
		fanout: names('fanout', fanoutRoomCount()),
		idle: names('idle', IDLE_ROOMS),
		cold: [],
		kill: [],
		cleanup: async () => {}
	};
}

/**
 * Resident memory of a server started on a new, empty PGlite data directory, as a new user's first
 * `npm start` is: it creates and migrates the database itself.
 */
async function firstStartResident(target: Target): Promise<number> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-course-bench-first-'));
	const empty: Prepared = { dataDir, token: '', fanout: [], idle: [], cold: [], kill: [], cleanup: async () => {} };
	const server = await startServer(target, empty);
	try {
		await sleep(10_000);
		return residentBytes(server.pid);
	} finally {
		await server.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

/** A data directory (and, for PostgreSQL, a database) of its own, migrated and seeded, then closed. */
async function prepare(target: Target): Promise<Prepared> {
	if (target.kind === 'y-websocket') return prepareReference();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-course-bench-process-'));
	let databaseUrl: string | undefined;
	if (target.postgresAdminUrl) {
		const name = `bench_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
		await adminQuery(target.postgresAdminUrl, `create database ${name}`);
		const url = new URL(target.postgresAdminUrl);
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
	}
	const cleanup = async () => {
		fs.rmSync(dataDir, { recursive: true, force: true });
		if (databaseUrl && target.postgresAdminUrl) {
			await adminQuery(target.postgresAdminUrl, `drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
		}
	};
	const handle = await createDatabase(databaseOptions({ dataDir, databaseUrl }));
	try {
		const { db } = handle;
		await migrateToLatest(db);
		const { token, newCourses, storeDoc } = await seedEditor(db);
		const fanout = await newCourses(fanoutRoomCount());
		const idle = await newCourses(IDLE_ROOMS);
		const kill = await newCourses(KILL_DELAYS_S.length);
		const cold: Prepared['cold'] = [];
		for (const size of SECTIONS.has('cold') ? COLD_SIZES : []) {
			const doc = buildCourseDoc(size);
			const ids = await newCourses(COLD_REPEATS);
			for (const id of ids) await storeDoc(id, doc);
			cold.push({ size, bytes: doc.bytes, ids });
		}
		return { dataDir, databaseUrl, token, fanout, idle, cold, kill, cleanup };
	} finally {
		await handle.close(); // the server needs the PGlite data directory to itself
	}
}

interface Server {
	child: ChildProcess;
	pid: number;
	url: string;
	/** The server's heap after forced GCs, and its RSS, as the server itself sees them. */
	memory(): Promise<{ heap: number; rss: number; code: number }>;
	/** Writes a heap snapshot of the server (after forced GCs) to `file`. */
	heapSnapshot(file: string): Promise<void>;
	/** CPU seconds (user + system, every thread) used so far. */
	cpuSeconds(): number;
	kill(): Promise<void>;
	stop(): Promise<void>;
}

/** A port nobody listens on right now, for a server that cannot be told to pick its own (y-websocket's prints 0). */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

/** The node flags `npm start` runs the server with (package.json's start script), so the bench measures that. */
function startScriptFlags(serverRoot: string): string[] {
	const pkg = JSON.parse(fs.readFileSync(path.join(serverRoot, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
	const words = (pkg.scripts?.start ?? '').split(/\s+/);
	return words[0] === 'node' ? words.slice(1).filter((word) => word.startsWith('--')) : [];
}

async function startServer(target: Target, prepared: Prepared): Promise<Server> {
	const reference = target.kind === 'y-websocket';
	const port = reference ? await freePort() : 0;
	const entry = reference ? path.join(root, 'node_modules/@y/websocket-server/src/server.js') : 'src/server.js';
	const extraFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
	const ownFlags = reference ? [] : startScriptFlags(target.serverRoot);
	const node = [process.execPath, ...ownFlags, ...extraFlags, '--expose-gc', '--import', path.join(root, 'tests/bench/server-probe.mjs'), entry];
	const [command, ...args] = PIN && !PIN_MAIN_ONLY ? ['taskset', '-c', PIN, ...node] : node;
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: prepared.dataDir, DATABASE_URL: prepared.databaseUrl ?? '' };
	delete env.NODE_OPTIONS;
	delete env.YPERSISTENCE; // y-websocket's server in memory: no storage to compare with
	const child = spawn(command, args, { cwd: target.serverRoot, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
		const check = () => {
			const match = reference ? /running at/.exec(output) : /listening on (http:\/\/\S+)/.exec(output);
			if (!match) return;
			clearTimeout(timer);
			child.stdout!.off('data', check);
			resolve(reference ? `http://127.0.0.1:${port}` : match[1].replace('localhost', '127.0.0.1'));
		};
		child.stdout!.on('data', check);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${output}`));
		});
	});
	// taskset -p sets one thread's affinity: the main thread's id is the process id.
	if (PIN_MAIN_ONLY) execFileSync('taskset', ['-p', '-c', PIN, String(child.pid)], { stdio: 'ignore' });
	let nextId = 0;
	const waiting = new Map<number, (value: { heap: number; rss: number; code: number }) => void>();
	child.on('message', (message: { id: number; heap: number; rss: number; code: number }) => waiting.get(message.id)?.(message));
	return {
		child,
		pid: child.pid!,
		url,
		memory() {
			const id = nextId++;
			return new Promise((resolve) => {
				waiting.set(id, resolve);
				child.send({ id, command: 'memory' });
			});
		},
		heapSnapshot(file) {
			const id = nextId++;
			return new Promise((resolve) => {
				waiting.set(id, () => resolve());
				child.send({ id, command: 'heapSnapshot', file });
			});
		},
		cpuSeconds() {
			const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
			return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
		},
		async kill() {
			child.kill('SIGKILL');
			await exited;
		},
		async stop() {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await exited;
		}
	};
}

const residentBytes = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

type Results = Map<string, string>;

async function measure(target: Target): Promise<Results> {
	const results: Results = new Map();
	if (SECTIONS.has('first') && target.kind === 'co-course' && !target.postgresAdminUrl) {
		progress(`${target.label}: first start on a new data directory`);
		results.set('RSS 10 s after the first start on a new data directory', mib(await firstStartResident(target)));
	}
	progress(`${target.label}: preparing`);
	const prepared = await prepare(target);
	const clients = startClients();
	let server = await startServer(target, prepared);
	try {
		// Functions: the server restarts (on a new port) between the kill -9 runs.
		const collab = (courseId: string) => `${server.url.replace(/^http/, 'ws')}/collab/${courseId}`;
		const headers = () => ({ Cookie: `${SESSION_COOKIE}=${prepared.token}`, Origin: server.url });
		const snapshot = async (name: string) => {
			if (!HEAP_SNAPSHOTS) return;
			const file = path.join(HEAP_SNAPSHOTS, `${target.label.replace(/\W+/g, '-')}-${name}.heapsnapshot`);
			await server.heapSnapshot(file);
			progress(`${target.label}: heap snapshot ${file}`);
		};

		progress(`${target.label}: idle`);
		await sleep(10_000);
		const idle = await server.memory();
		results.set('idle server: RSS / heap', `${mib(residentBytes(server.pid))} / ${mib(idle.heap)}`);
		await snapshot('idle');

		const fanout = async (rooms: string[], clientsPerRoom: number) => {
			const cpuBefore = server.cpuSeconds();
			const started = performance.now();
			const result = await clients.call<{ p50: number; p99: number; samples: number; expected: number }>('fanout', {
				baseUrl: `${server.url.replace(/^http/, 'ws')}/collab`,
				headers: headers(),
				rooms,
				clients: clientsPerRoom,
				rate: 10,
				warmupMs: 1000,
				durationMs: SECONDS * 1000
			});
			const cpu = ((server.cpuSeconds() - cpuBefore) / ((performance.now() - started) / 1000)) * 100;
			return { ...result, cpu };
		};
		if (SECTIONS.has('fanout')) {
			await fanout(prepared.fanout.slice(0, 2), 20); // warm-up
			for (const [rooms, perRoom] of FANOUT) {
				progress(`${target.label}: fan-out ${rooms}×${perRoom}`);
				const result = await fanout(prepared.fanout.slice(0, rooms), perRoom);
				results.set(
					`fan-out ${rooms}×${perRoom}: p50 / p99 (deliveries), server CPU`,
					`${ms(result.p50)} / ${ms(result.p99)} ms (${Math.round((100 * result.samples) / Math.max(1, result.expected))} %), ${result.cpu.toFixed(0)} %`
				);
			}
		}

		if (SECTIONS.has('memory')) {
			progress(`${target.label}: idle connections`);
			for (const id of prepared.idle) await clients.call('connectIdle', { url: collab(id), headers: headers(), count: 1 });
			const before = await server.memory();
			for (const id of prepared.idle) {
				await clients.call('connectIdle', { url: collab(id), headers: headers(), count: IDLE_CONNECTIONS / IDLE_ROOMS });
			}
			const withIdle = await server.memory();
			const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${mib(bytes)}`;
			results.set(
				`heap per ${IDLE_CONNECTIONS.toLocaleString('en')} idle connections (of which compiled code and bytecode)`,
				`${mib(withIdle.heap - before.heap)} (${signed(withIdle.code - before.code)})`
			);
			await clients.call('closeAll');
			await sleep(10_000);
			const after = await server.memory();
			results.set(
				'heap 10 s after every client left, vs. idle start (of which compiled code and bytecode)',
				`${signed(after.heap - idle.heap)} (${signed(after.code - idle.code)})`
			);
			await snapshot('after-leave');
		}

		if (SECTIONS.has('cold') && prepared.cold.length > 0) {
			progress(`${target.label}: cold opens`);
			for (const { size, bytes, ids } of prepared.cold) {
				const times: number[] = [];
				for (const id of ids) times.push((await clients.call<{ ms: number }>('coldOpen', { url: collab(id), headers: headers() })).ms);
				times.sort((a, b) => a - b);
				results.set(`cold open ${kib(size)} (${kib(bytes)} + 50 rows): median / max of ${ids.length}`, `${ms(times[Math.floor(times.length / 2)])} / ${ms(times[times.length - 1])} ms`);
			}
		}

		if (SECTIONS.has('ramp')) {
			progress(`${target.label}: max clients`);
			let held = 0;
			let firstMiss = '';
			for (let total = RAMP_STEP; total <= MAX_CLIENTS; total += RAMP_STEP) {
				const rooms = prepared.fanout.slice(0, total / ROOM_SIZE);
				const result = await fanout(rooms, ROOM_SIZE);
				progress(`${target.label}: ${total} clients: p99 ${ms(result.p99)} ms, CPU ${result.cpu.toFixed(0)} %, load ${os.loadavg()[0].toFixed(1)}`);
				if (!(result.p99 <= P99_LIMIT_MS) || result.samples < 0.99 * result.expected) {
					firstMiss = ` (${total}: p99 ${ms(result.p99)} ms)`;
					break;
				}
				held = total;
			}
			results.set(
				`max clients at fan-out p99 ≤ ${P99_LIMIT_MS} ms (rooms of ${ROOM_SIZE}, steps of ${RAMP_STEP} to ${MAX_CLIENTS})`,
				`${held === MAX_CLIENTS ? '≥ ' : ''}${held.toLocaleString('en')}${firstMiss}`
			);
		}

		if (SECTIONS.has('kill') && prepared.kill.length > 0) {
			const lost: string[] = [];
			for (const [i, delay] of KILL_DELAYS_S.entries()) {
				progress(`${target.label}: kill -9 ${delay} s after the observer has ${KILL_EDITS} edits`);
				const courseId = prepared.kill[i];
				await clients.call('editsReceived', { url: collab(courseId), headers: headers(), edits: KILL_EDITS });
				await sleep(delay * 1000);
				await server.kill();
				await clients.call('closeAll');
				const handle = await createDatabase(databaseOptions(prepared));
				try {
					const doc = new Y.Doc();
					Y.applyUpdate(doc, await loadDocState(handle.db, courseId));
					lost.push(String(KILL_EDITS - countEdits(doc.getText('durability').toString())));
				} finally {
					await handle.close();
				}
				if (i < KILL_DELAYS_S.length - 1) server = await startServer(target, prepared);
			}
			results.set(`edits lost at kill -9 after ${KILL_DELAYS_S.join(' / ')} s (of ${KILL_EDITS})`, lost.join(' / '));
		}
	} finally {
		clients.stop();
		await server.stop();
		await prepared.cleanup();
	}
	return results;
}

export async function runProcessBench(): Promise<void> {
	const adminUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	const withPostgres = await postgresReachable(adminUrl);
	if (!withPostgres) progress(`PostgreSQL at ${adminUrl} is not reachable: PGlite only`);
	const roots: Array<[string, string]> = [['', root]];
	if (process.env.BENCH_BEFORE_ROOT) roots.unshift(['before: ', path.resolve(process.env.BENCH_BEFORE_ROOT)]);
	const targets: Target[] = [];
	// The reference first, so that it and our server meet the same machine load as closely as one run allows.
	if (REFERENCE) targets.push({ label: 'y-websocket server', kind: 'y-websocket', serverRoot: root });
	for (const [prefix, serverRoot] of roots) {
		targets.push({ label: `${prefix}PGlite`, kind: 'co-course', serverRoot });
		if (withPostgres) targets.push({ label: `${prefix}PostgreSQL`, kind: 'co-course', serverRoot, postgresAdminUrl: adminUrl });
	}
	const loadBefore = os.loadavg();
	const columns: Array<[string, Results]> = [];
	for (const target of targets) columns.push([target.label, await measure(target)]);

	console.log(
		`\nload average before / after: ${loadBefore.map((l) => l.toFixed(1)).join(' ')} / ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`
	);
	console.log(
		`\nCo-course realtime bench — production server (node src/server.js${PIN ? `, ${PIN_MAIN_ONLY ? 'its main thread' : 'pinned'} to CPU ${PIN} with taskset` : ''}), ` +
			`clients in another process; Node ${process.version}, ${os.cpus().length} CPUs, ${SECONDS} s per fan-out run\n`
	);
	const measures = [...new Set(columns.flatMap(([, results]) => [...results.keys()]))];
	const rows = [['measure', ...columns.map(([label]) => label)], ...measures.map((m) => [m, ...columns.map(([, r]) => r.get(m) ?? '–')])];
	const width = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
	const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(width[i])).join(' | ')} |`;
	console.log(line(rows[0]));
	console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const row of rows.slice(1)) console.log(line(row));
}
