import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { createDatabase, migrateToLatest, type DatabaseOptions } from '$lib/server/db';
import { loadDocState } from '$lib/server/realtime';
import { startApp, type RunningApp } from '$tests/support/app-server';
import { adminQuery as runAdminQuery } from '$tests/support/postgres-admin';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { connectProvider, docFromUpdate, waitForSynced } from '$tests/support/realtime-clients';
import { ensureProductionBuild } from '$tests/support/production-build';

/**
 * kill -9 of the production server right after another peer has received a run of edits, with no
 * client left to re-send them: what the server broadcast must already be in the database. Counts
 * the edits found in storage afterwards; nothing about timing is asserted.
 *
 * On PGlite the server gets its own data directory; with TEST_DB=postgres it gets a database of its
 * own on the test server (the production server takes DATABASE_URL as it is, with no test schema).
 */

const EDITS = 150;
const root = path.resolve(import.meta.dirname, '../..');
const onPostgres = process.env.TEST_DB === 'postgres';
let dataDir: string;
let databaseUrl: string | undefined;
let courseId: string;
let ownerToken: string;
let editorToken: string;
const apps: RunningApp[] = [];
const providers: WebsocketProvider[] = [];

afterAll(async () => {
	for (const provider of providers) provider.destroy();
	for (const app of apps) await app.kill();
	if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	if (databaseUrl) await adminQuery(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
});

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-course-kill-'));
	if (onPostgres) {
		const name = `kill_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
		await adminQuery(`create database ${name}`);
		const url = new URL(adminUrl());
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
	}
	// Built under the shared lock first, so that this file never builds beside another one; the start
	// script then finds the build current and only migrates.
	await ensureProductionBuild();
	const built = spawnSync(process.execPath, ['src/start.js', '--migrate-only'], {
		cwd: root,
		env: { ...process.env, ...serverEnv() },
		encoding: 'utf8'
	});
	if (built.status !== 0) throw new Error(`production build or migration failed:\n${built.stdout}\n${built.stderr}`);

	const database = await createDatabase(databaseOptions());
	try {
		await migrateToLatest(database.db);
		const owner = await buildUser(database.db);
		const editor = await buildUser(database.db);
		courseId = (await buildCourse(database.db, owner)).id;
		await addMember(database.db, courseId, editor.id, 'editor');
		ownerToken = await buildSession(database.db, owner.id);
		editorToken = await buildSession(database.db, editor.id);
	} finally {
		await database.close(); // a PGlite data directory belongs to one process at a time
	}
}, 300_000);

function adminUrl(): string {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
	return url;
}

const adminQuery = (statement: string) => runAdminQuery(adminUrl(), statement);

function serverEnv(): Record<string, string> {
	return databaseUrl ? { DATA_DIR: dataDir, DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir };
}

function databaseOptions(): DatabaseOptions {
	return databaseUrl ? { url: databaseUrl } : { pgliteDir: path.join(dataDir, 'pglite') };
}

function connect(app: RunningApp, token: string): WebsocketProvider {
	const provider = connectProvider(`${app.url.replace(/^http/, 'ws')}/collab`, courseId, { token, origin: app.url });
	providers.push(provider);
	return provider;
}

const editsIn = (text: string) => new Set(text.match(/e\d+;/g) ?? []).size;

describe(`edits another peer has received survive kill -9 (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
	it(`stores all ${EDITS} before the server is killed, with nobody left to re-send them`, async () => {
		const app = await startApp({ dataDir, env: serverEnv() });
		apps.push(app);
		const author = connect(app, ownerToken);
		const observer = connect(app, editorToken);
		await Promise.all([waitForSynced(author), waitForSynced(observer)]);

		// The kill is sent from the very callback in which the observer has the last edit.
		const received = new Promise<void>((resolve) => {
			const text = observer.doc.getText('kill-test');
			text.observe(() => {
				if (editsIn(text.toString()) === EDITS) resolve();
			});
		});
		for (let i = 0; i < EDITS; i++) {
			author.doc.getText('kill-test').insert(0, `e${i};`);
			// Some edits alone, some in bursts: both single writes and grouped ones are exercised.
			if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		}
		await received;
		app.process.kill('SIGKILL');
		for (const provider of providers.splice(0)) provider.destroy();
		await app.kill();

		const database = await createDatabase(databaseOptions());
		try {
			const stored = docFromUpdate(await loadDocState(database.db, courseId)).getText('kill-test').toString();
			expect(editsIn(stored)).toBe(EDITS);
		} finally {
			await database.close();
		}
	}, 180_000);
});
