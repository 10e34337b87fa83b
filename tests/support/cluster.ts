import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { createClient } from 'redis';
import { createDatabase, migrateToLatest, type DatabaseHandle } from '$lib/server/db';
import { adminQuery, postgresReachable } from './postgres-admin';
import { startApp, type RunningApp } from './app-server';

/**
 * Several production processes sharing one PostgreSQL database and one Redis, as `REDIS_URL` is
 * meant to be used. Tests of it need both servers: they run where TEST_DATABASE_URL names a
 * reachable PostgreSQL and Redis answers (TEST_REDIS_URL, or redis://127.0.0.1:6379 when something
 * answers there, as in CI), and are skipped with the reason otherwise.
 */

const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export async function redisReachable(url: string): Promise<boolean> {
	const client = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
	client.on('error', () => {});
	try {
		await client.connect();
		return (await client.ping()) === 'PONG';
	} catch {
		return false;
	} finally {
		await client.close().catch(() => {});
	}
}

/** The Redis for cluster tests, or why there is none. */
export async function clusterPrerequisites(): Promise<{ ok: true; redisUrl: string; postgresUrl: string } | { ok: false; reason: string }> {
	const postgresUrl = process.env.TEST_DATABASE_URL;
	if (!postgresUrl) return { ok: false, reason: 'TEST_DATABASE_URL is not set (processes share one PostgreSQL database)' };
	if (!(await postgresReachable(postgresUrl))) return { ok: false, reason: `PostgreSQL at TEST_DATABASE_URL does not answer` };
	const redisUrl = process.env.TEST_REDIS_URL || DEFAULT_REDIS_URL;
	if (!(await redisReachable(redisUrl))) return { ok: false, reason: `Redis does not answer at ${redisUrl} (set TEST_REDIS_URL)` };
	return { ok: true, redisUrl, postgresUrl };
}

/** A database of its own on the test server, migrated: production processes take DATABASE_URL as it is. */
export async function createClusterDatabase(adminUrl: string): Promise<{ url: string; handle: DatabaseHandle; drop(): Promise<void> }> {
	const name = `cluster_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
	await adminQuery(adminUrl, `create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const handle = await createDatabase({ url: url.toString() });
	await migrateToLatest(handle.db);
	return {
		url: url.toString(),
		handle,
		async drop() {
			await handle.close();
			await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
		}
	};
}

/** Starts `count` production processes on the same database and Redis. */
export async function startCluster(count: number, env: { DATABASE_URL: string; REDIS_URL: string } & Record<string, string>): Promise<RunningApp[]> {
	return Promise.all(Array.from({ length: count }, () => startApp({ env })));
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface PrivateRedis {
	url: string;
	/** SIGKILL: the server is gone at once, as in a crash (it keeps nothing on disk). */
	kill(): Promise<void>;
	/** Starts it again on the same port. */
	start(): Promise<void>;
}

/** A redis-server of the test's own on a free port, so that restarting it disturbs nobody else. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
	const port = await freePort();
	const url = `redis://127.0.0.1:${port}`;
	let child: ChildProcess | null = null;
	const start = async () => {
		child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
			stdio: 'ignore'
		});
		const deadline = Date.now() + 10_000;
		while (!(await redisReachable(url))) {
			if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	};
	await start();
	return {
		url,
		start,
		async kill() {
			const running = child;
			if (!running || running.exitCode !== null) return;
			const exited = new Promise((resolve) => running.once('exit', resolve));
			running.kill('SIGKILL');
			await exited;
		}
	};
}

/** Whether `redis-server` can be started here (for the test that restarts its own). */
export function redisServerInstalled(): Promise<boolean> {
	return new Promise((resolve) => {
		const child = spawn('redis-server', ['--version'], { stdio: 'ignore' });
		child.once('error', () => resolve(false));
		child.once('exit', (code) => resolve(code === 0));
	});
}
