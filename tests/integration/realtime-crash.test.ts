import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { createDatabase, migrateToLatest } from '$lib/server/db';
import { startApp, type RunningApp } from '$tests/support/app-server';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { connectProvider, waitFor, waitForSynced } from '$tests/support/realtime-clients';

/**
 * kill -9 of the production server (`node src/server.js` around the adapter-node build): no flush,
 * no shutdown hook. Clients keep their documents and re-sync on reconnect, so nothing is lost.
 * Runs on PGlite in its own data directory (the child owns it while it runs; PGlite recovers it).
 */

const root = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
let courseId: string;
let ownerToken: string;
let editorToken: string;
const apps: RunningApp[] = [];
const providers: WebsocketProvider[] = [];

afterAll(async () => {
	for (const provider of providers) provider.destroy();
	for (const app of apps) await app.kill();
	if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-course-crash-'));
	// Builds the app when the build is missing or older than the sources (as `npm start` does).
	const built = spawnSync(process.execPath, ['src/start.js', '--migrate-only'], {
		cwd: root,
		env: { ...process.env, DATA_DIR: dataDir },
		encoding: 'utf8'
	});
	if (built.status !== 0) throw new Error(`production build or migration failed:\n${built.stdout}\n${built.stderr}`);

	const database = await createDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
	try {
		await migrateToLatest(database.db);
		const owner = await buildUser(database.db);
		const editor = await buildUser(database.db);
		courseId = (await buildCourse(database.db, owner)).id;
		await addMember(database.db, courseId, editor.id, 'editor');
		ownerToken = await buildSession(database.db, owner.id);
		editorToken = await buildSession(database.db, editor.id);
	} finally {
		await database.close(); // the server process needs the data directory to itself
	}
}, 300_000);

async function start(port?: number): Promise<RunningApp> {
	const app = await startApp({ dataDir, env: port ? { PORT: String(port) } : {} });
	apps.push(app);
	return app;
}

function connect(app: RunningApp, token: string): WebsocketProvider {
	const provider = connectProvider(`${app.url.replace(/^http/, 'ws')}/collab`, courseId, { token, origin: app.url });
	providers.push(provider);
	return provider;
}

const text = (provider: WebsocketProvider) => provider.doc.getText('crash-test').toString();

// The production server picks its database from DATABASE_URL alone (no per-test schema), so this
// runs once, on PGlite, rather than again in the PostgreSQL project.
describe.skipIf(process.env.TEST_DB === 'postgres')('an edit the server has received survives kill -9', () => {
	it('is re-sent by its author after the restart, and is then stored', async () => {
		const first = await start();
		const port = Number(new URL(first.url).port);
		const author = connect(first, ownerToken);
		const observer = connect(first, editorToken);
		await Promise.all([waitForSynced(author), waitForSynced(observer)]);

		author.doc.getText('crash-test').insert(0, 'typed right before the crash. ');
		// The observer got it through the server, so the server has received it; kill at once,
		// most likely inside the batching window, before it was written.
		await waitFor(() => text(observer).includes('crash'), { message: 'the server to relay the edit' });
		await first.kill();

		// Written while the server is down: kept locally and sent on reconnect as well.
		author.doc.getText('crash-test').insert(0, 'typed while the server was down. ');

		// Same port, so the providers reconnect by themselves.
		const second = await start(port);
		await waitForSynced(author, 30_000);
		const newcomer = connect(second, editorToken);
		await waitFor(() => text(newcomer).includes('crash') && text(newcomer).includes('down'), {
			timeout: 30_000,
			message: 'a new client to see both edits'
		});

		// Everyone leaves and the server stops cleanly; a third server serves the edits from the database alone.
		for (const provider of providers.splice(0)) provider.destroy();
		expect(await second.stop()).toBe(0);
		const third = await start();
		const reader = connect(third, ownerToken);
		await waitForSynced(reader, 30_000);
		expect(text(reader)).toBe('typed while the server was down. typed right before the crash. ');
	}, 180_000);
});
