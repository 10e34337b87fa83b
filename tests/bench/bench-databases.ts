import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, type DatabaseHandle } from '$lib/server/db';
import { adminQuery, postgresReachable } from '../support/postgres-admin';

/** How a bench reaches one database: opened in-process to seed it, and handed to the server it starts. */
export interface BenchDatabase {
	name: 'PGlite' | 'PostgreSQL';
	open: () => Promise<DatabaseHandle>;
	/** Environment for `startApp`. */
	env: Record<string, string>;
	/** PGlite's data directory, for `startApp`. */
	dataDir: string | undefined;
}

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Runs `bench` on a fresh PGlite in a temporary directory, then on a fresh PostgreSQL database
 * `databaseName` (created and dropped again) when BENCH_DATABASE_URL / TEST_DATABASE_URL answers.
 */
export async function onEachDatabase(databaseName: string, bench: (database: BenchDatabase) => Promise<void>): Promise<void> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${databaseName.replaceAll('_', '-')}-`));
	try {
		await bench({ name: 'PGlite', open: () => createDatabase({ pgliteDir: path.join(dataDir, 'pglite') }), env: { DATABASE_URL: '' }, dataDir });
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}

	if (!(await postgresReachable(POSTGRES_URL))) {
		process.stderr.write(`[bench] PostgreSQL not reachable at BENCH_DATABASE_URL / TEST_DATABASE_URL (${POSTGRES_URL.replace(/\/\/[^@]*@/, '//…@')}): PGlite only\n`);
		return;
	}
	await adminQuery(POSTGRES_URL, `drop database if exists ${databaseName}`);
	await adminQuery(POSTGRES_URL, `create database ${databaseName}`);
	const url = new URL(POSTGRES_URL);
	url.pathname = `/${databaseName}`;
	try {
		await adminQuery(url.toString(), 'create extension if not exists pg_trgm with schema public');
		await bench({ name: 'PostgreSQL', open: () => createDatabase({ url: url.toString() }), env: { DATABASE_URL: url.toString() }, dataDir: undefined });
	} finally {
		await adminQuery(POSTGRES_URL, `drop database if exists ${databaseName}`);
	}
}

/** A Markdown table, columns padded, as the closing notes take it. */
export function printTable(header: string[], cells: string[][]): void {
	const width = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c: string[]) => `| ${c.map((cell, i) => cell.padEnd(width[i])).join(' | ')} |`;
	console.log(line(header));
	console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const c of cells) console.log(line(c));
}
