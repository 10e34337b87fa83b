import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningApp {
	url: string;
	dataDir: string;
	process: ChildProcess;
	/** SIGTERM and wait for a clean exit. */
	stop(): Promise<number | null>;
	/** SIGKILL: no flush, no cleanup (crash tests). */
	kill(): Promise<void>;
	output(): string;
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Starts the production server (`node src/server.js` around the adapter-node build) on a free port.
 * Without DATABASE_URL it gets its own PGlite data directory.
 */
export async function startApp(options: { env?: Record<string, string>; dataDir?: string } = {}): Promise<RunningApp> {
	const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'co-course-e2e-'));
	const child = spawn(process.execPath, ['src/server.js'], {
		cwd: root,
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
		const onData = () => {
			const match = /listening on (http:\/\/\S+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				child.stdout!.off('data', onData);
				resolve(match[1].replace('localhost', '127.0.0.1'));
			}
		};
		child.stdout!.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${output}`));
		});
	});

	return {
		url,
		dataDir,
		process: child,
		output: () => output,
		async stop() {
			if (child.exitCode !== null) return child.exitCode;
			child.kill('SIGTERM');
			return exited;
		},
		async kill() {
			if (child.exitCode !== null) return;
			child.kill('SIGKILL');
			await exited;
		}
	};
}
