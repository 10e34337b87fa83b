import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, migrateToLatest } from '$lib/server/db';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { seedEditor, startClients } from './realtime-bench';
import { adminQuery, postgresReachable } from '../support/postgres-admin';
import { redisReachable } from '../support/cluster';
import { ensureProductionBuild } from '../support/production-build';
import { startLoadBalancer, type LoadBalancer } from '../support/load-balancer';

/**
 * `npm run bench:realtime -- --processes N`: the production server as 1 process (no Redis, the
 * default deployment), as 1 process with REDIS_URL (the relay's own cost), and as N processes sharing
 * PostgreSQL and Redis, with every room's clients spread over the processes (each socket goes straight
 * to one of them in turn: the figures are the app's, not a proxy's). Prints one table; asserts nothing.
 *
 * Measured: fan-out latency (writer's send → arrival at every other client, one clock, in the client
 * process) at 10 rooms × 200 and 100 rooms × 10 clients; the most clients (rooms of 20, one writer
 * each at 10 edits/s) whose deliveries stay at p99 ≤ 100 ms; and the servers' CPU time per
 * delivered message. Environment: BENCH_SECONDS (per run, 5), BENCH_MAX_CLIENTS (4800),
 * BENCH_PIN=0 to leave the processes unpinned (default: server i on CPU i mod CPUs),
 * BENCH_POSTGRES_URL / TEST_DATABASE_URL, BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_VIA_BALANCER=1
 * (sockets through tests/support/load-balancer.ts), BENCH_FANOUT, BENCH_ONLY_CLUSTER=1.
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const MAX_CLIENTS = Number(process.env.BENCH_MAX_CLIENTS ?? 4800);
const RAMP_STEP = 800;
const SETTLE_MS = 6_000;
const ROOM_SIZE = 20;
const P99_LIMIT_MS = 100;
/** BENCH_FANOUT=10x200,100x10 (the default) picks the fan-out runs. */
const FANOUT: Array<[rooms: number, clients: number]> = (process.env.BENCH_FANOUT ?? '10x200,100x10')
	.split(',')
	.map((run) => run.split('x').map(Number) as [number, number]);
/** BENCH_VIA_BALANCER=1: every socket goes through the plain Node balancer (round robin) instead. */
const VIA_BALANCER = process.env.BENCH_VIA_BALANCER === '1';
/** BENCH_ONLY_CLUSTER=1 skips the one-process setups (for a quick look at the relay path). */
const ONLY_CLUSTER = process.env.BENCH_ONLY_CLUSTER === '1';
const PIN = process.env.BENCH_PIN !== '0';
const root = path.resolve(import.meta.dirname, '../..');
const BENCH_ORIGIN = 'http://co-course.bench.invalid';
const progress = (step: string) => process.stderr.write(`[bench] ${step}\n`);
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '–');

interface Server {
	url: string;
	cpuSeconds(): number;
	stop(): Promise<void>;
}

async function startServer(env: Record<string, string>, cpu: number | null): Promise<Server> {
	const node = [process.execPath, 'src/server.js'];
	const [command, ...args] = cpu === null ? node : ['taskset', '-c', String(cpu), ...node];
	const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env };
	delete childEnv.NODE_OPTIONS;
	const child: ChildProcess = spawn(command, args, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
		const check = () => {
			const match = /listening on (http:\/\/\S+)/.exec(output);
			if (!match) return;
			clearTimeout(timer);
			resolve(match[1].replace('localhost', '127.0.0.1'));
		};
		child.stdout!.on('data', check);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${output}`));
		});
	});
	return {
		url,
		cpuSeconds: () => processCpuSeconds(child.pid!),
		async stop() {
			if (process.env.BENCH_SERVER_LOG) fs.writeFileSync(`${process.env.BENCH_SERVER_LOG}-${child.pid}.log`, output);
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await exited;
		}
	};
}

/** User and system CPU time of a process so far (clock ticks are 1/100 s on Linux). */
function processCpuSeconds(pid: number): number {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Busy CPU time of the whole machine so far, all cores (everything but idle and I/O wait). */
function machineBusySeconds(): number {
	const [, user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
	return (user + nice + system + irq + softirq + steal) / 100;
}

interface Setup {
	label: string;
	processes: number;
	redis: boolean;
}

type Results = Map<string, string>;

async function measure(setup: Setup, databaseUrl: string, redisUrl: string, token: string, courses: string[]): Promise<Results> {
	const results: Results = new Map();
	const cpus = os.cpus().length;
	// One public origin for every process, as behind a load balancer; the sockets present it.
	const env = { DATABASE_URL: databaseUrl, ORIGIN: BENCH_ORIGIN, REDIS_URL: setup.redis ? redisUrl : '' };
	const servers = await Promise.all(Array.from({ length: setup.processes }, (_, i) => startServer(env, PIN ? i % cpus : null)));
	const clients = startClients();
	const balancer: LoadBalancer | null = VIA_BALANCER ? await startLoadBalancer(servers.map((server) => server.url)) : null;
	const entries = balancer ? [balancer.url] : servers.map((server) => server.url);
	try {
		const headers = { Cookie: `${SESSION_COOKIE}=${token}`, Origin: BENCH_ORIGIN };
		const run = async (rooms: string[], perRoom: number) => {
			// CPU is sampled through the run and read over the measured window only: connecting the
			// sockets (authorising each, loading rooms) would otherwise swamp what delivering costs.
			const cpuSamples: Array<[at: number, servers: number, clients: number, machine: number]> = [];
			const sample = () =>
				cpuSamples.push([
					performance.now(),
					servers.reduce((sum, server) => sum + server.cpuSeconds(), 0),
					processCpuSeconds(clients.pid),
					machineBusySeconds()
				]);
			sample();
			const sampler = setInterval(sample, 100);
			const result = await clients.call<{ p50: number; p99: number; samples: number; expected: number }>('fanout', {
				baseUrl: entries.map((url) => `${url.replace(/^http/, 'ws')}/collab`),
				headers,
				rooms,
				clients: perRoom,
				rate: 10,
				warmupMs: 1000,
				durationMs: SECONDS * 1000
			});
			clearInterval(sampler);
			sample();
			// Let the closed sockets' rooms unload (5 s grace) before the next run, so runs do not overlap.
			await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
			// The clients record for SECONDS after the warm-up, then wait 1 s for the last deliveries and close.
			const windowEnd = cpuSamples[cpuSamples.length - 1][0] - 1000;
			const windowStart = windowEnd - SECONDS * 1000;
			const cpuAt = (at: number, column: 1 | 2 | 3) => {
				const after = cpuSamples.findIndex(([t]) => t >= at);
				if (after <= 0) return cpuSamples[Math.max(0, after)][column];
				const [t0, c0] = [cpuSamples[after - 1][0], cpuSamples[after - 1][column]];
				const [t1, c1] = [cpuSamples[after][0], cpuSamples[after][column]];
				return c0 + ((c1 - c0) * (at - t0)) / Math.max(1, t1 - t0);
			};
			const percentOf = (column: 1 | 2 | 3) => ((cpuAt(windowEnd, column) - cpuAt(windowStart, column)) / SECONDS) * 100;
			const cpuSeconds = cpuAt(windowEnd, 1) - cpuAt(windowStart, 1);
			return {
				...result,
				cpuPercent: (cpuSeconds / SECONDS) * 100,
				cpuPerMessageUs: (cpuSeconds * 1e6) / Math.max(1, result.samples),
				clientsPercent: percentOf(2),
				machinePercent: percentOf(3) / cpus
			};
		};
		await run(courses.slice(0, 2), 20); // warm-up
		for (const [rooms, perRoom] of FANOUT) {
			progress(`${setup.label}: fan-out ${rooms}×${perRoom}`);
			const result = await run(courses.slice(0, rooms), perRoom);
			results.set(`fan-out ${rooms}×${perRoom}: p50 / p99 (deliveries)`, `${ms(result.p50)} / ${ms(result.p99)} ms (${Math.round((100 * result.samples) / Math.max(1, result.expected))} %)`);
			results.set(`fan-out ${rooms}×${perRoom}: server CPU (all processes, while measuring), per delivered message`, `${result.cpuPercent.toFixed(0)} %, ${result.cpuPerMessageUs.toFixed(1)} µs`);
			results.set(`fan-out ${rooms}×${perRoom}: bench clients' CPU / whole machine busy (of ${cpus} cores)`, `${result.clientsPercent.toFixed(0)} % / ${result.machinePercent.toFixed(0)} %`);
		}
		let held = 0;
		let heldLoad = '';
		let firstMiss = '';
		for (let total = RAMP_STEP; total <= MAX_CLIENTS; total += RAMP_STEP) {
			const result = await run(courses.slice(0, total / ROOM_SIZE), ROOM_SIZE);
			progress(
				`${setup.label}: ${total} clients: p99 ${ms(result.p99)} ms, servers' CPU ${result.cpuPercent.toFixed(0)} %, clients' ${result.clientsPercent.toFixed(0)} %, machine ${result.machinePercent.toFixed(0)} % busy`
			);
			if (!(result.p99 <= P99_LIMIT_MS) || result.samples < 0.99 * result.expected) {
				firstMiss = ` (${total}: p99 ${ms(result.p99)} ms)`;
				break;
			}
			held = total;
			heldLoad = `${result.cpuPercent.toFixed(0)} % / ${result.clientsPercent.toFixed(0)} % / ${result.machinePercent.toFixed(0)} %`;
		}
		results.set(`max clients at p99 ≤ ${P99_LIMIT_MS} ms (rooms of ${ROOM_SIZE}, steps of ${RAMP_STEP})`, `${held === MAX_CLIENTS ? '≥ ' : ''}${held.toLocaleString('en')}${firstMiss}`);
		results.set(`at that many: servers' CPU / bench clients' CPU / whole machine busy (of ${cpus} cores)`, heldLoad || '–');
	} finally {
		clients.stop();
		await balancer?.close();
		await Promise.all(servers.map((server) => server.stop()));
	}
	return results;
}

export async function runClusterBench(processes: number): Promise<void> {
	const adminUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
	if (!(await postgresReachable(adminUrl))) throw new Error(`PostgreSQL at ${adminUrl} is not reachable: several processes need it`);
	if (!(await redisReachable(redisUrl))) throw new Error(`Redis at ${redisUrl} is not reachable (set BENCH_REDIS_URL)`);
	progress('building the production server if needed');
	await ensureProductionBuild();

	const name = `bench_cluster_${crypto.randomUUID().replaceAll('-', '').slice(0, 8)}`;
	await adminQuery(adminUrl, `create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const databaseUrl = url.toString();
	const columns: Array<[string, Results]> = [];
	const load = os.loadavg()[0];
	try {
		const handle = await createDatabase({ url: databaseUrl });
		let token: string;
		let courses: string[];
		try {
			await migrateToLatest(handle.db);
			const seeded = await seedEditor(handle.db);
			token = seeded.token;
			courses = await seeded.newCourses(Math.max(100, Math.ceil(MAX_CLIENTS / ROOM_SIZE)));
		} finally {
			await handle.close();
		}
		const setups: Setup[] = ONLY_CLUSTER
			? []
			: [
					{ label: '1 process', processes: 1, redis: false },
					{ label: '1 process + Redis', processes: 1, redis: true }
				];
		if (processes > 1) setups.push({ label: `${processes} processes + Redis`, processes, redis: true });
		for (const setup of setups) columns.push([setup.label, await measure(setup, databaseUrl, redisUrl, token, courses)]);
	} finally {
		await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
	}

	console.log(
		`\nCo-course realtime bench — production servers (node src/server.js${PIN ? ', server i pinned to CPU i with taskset' : ''}) on PostgreSQL, ` +
			`clients in another process, spread over the processes${VIA_BALANCER ? ' through the plain Node balancer' : ''}; Node ${process.version}, ${os.cpus().length} CPUs, ` +
			`load average ${load.toFixed(2)} at the start, ${SECONDS} s per run\n`
	);
	const measures = [...new Set(columns.flatMap(([, results]) => [...results.keys()]))];
	const rows = [['measure', ...columns.map(([label]) => label)], ...measures.map((m) => [m, ...columns.map(([, r]) => r.get(m) ?? '–')])];
	const width = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
	const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(width[i])).join(' | ')} |`;
	console.log(line(rows[0]));
	console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const row of rows.slice(1)) console.log(line(row));
}
