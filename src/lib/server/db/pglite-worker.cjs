// PGlite in a worker thread: its WASM engine runs here, so a slow statement (a compaction, a big
// bytea) never stalls the main thread's sockets. Started by pglite-driver.ts with `eval: true`
// (loaded as text, so no bundler needs to know this file); it speaks a small message protocol:
//   in:  { id, sql, params }  or  { id, close: true }
//   out: { ready: true } | { initError } once, then { id, rows, affectedRows } | { id, error }
// Messages are answered in order, one statement at a time; transactions are the caller's BEGIN/COMMIT.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

/** @param {unknown} err */
function describeError(err) {
	if (!(err instanceof Error)) return { message: String(err) };
	/** @type {Record<string, unknown>} */
	const out = { message: err.message, name: err.name };
	// PostgreSQL's error fields, so callers can tell a unique violation from a syntax error.
	for (const key of ['code', 'detail', 'hint', 'position', 'schema', 'table', 'column', 'dataType', 'constraint', 'severity', 'where']) {
		const value = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (err))[key];
		if (value !== undefined) out[key] = value;
	}
	return out;
}

/**
 * A Uint8Array cloned to another thread takes its whole ArrayBuffer along; PGlite's may be views of
 * larger ones. Values are copied to buffers of their own, which are then moved, not copied again.
 * @param {unknown} value @param {ArrayBuffer[]} transfer
 * @returns {unknown}
 */
function own(value, transfer) {
	if (value instanceof Uint8Array) {
		const copy = value.slice();
		transfer.push(copy.buffer);
		return copy;
	}
	if (Array.isArray(value)) return value.map((item) => own(item, transfer));
	return value;
}

async function main() {
	const { pglitePath, trgmPath, dataDir, options, liftoffOnly } = workerData;
	// V8 otherwise keeps two compiled copies of PGlite's ~10 MB of WASM (baseline and optimised), some
	// 40-50 MiB; the baseline code alone measured as fast for our statements. Process-wide, but this
	// worker is the process's only WASM user, and it is set before PGlite compiles its module.
	if (liftoffOnly) require('node:v8').setFlagsFromString('--liftoff-only');
	const { PGlite } = require(pglitePath);
	const { pg_trgm } = require(trgmPath);
	let pglite;
	try {
		pglite = await PGlite.create(dataDir, { ...options, extensions: { pg_trgm } });
	} catch (err) {
		parentPort.postMessage({ initError: describeError(err) });
		return;
	}
	let chain = Promise.resolve();
	parentPort.on('message', (message) => {
		chain = chain.then(() => handle(pglite, message));
	});
	parentPort.postMessage({ ready: true });
}

/** @param {any} pglite @param {{ id: number, sql?: string, params?: unknown[], close?: boolean }} message */
async function handle(pglite, message) {
	if (message.close) {
		try {
			if (!pglite.closed) await pglite.close();
			parentPort.postMessage({ id: message.id, rows: [] });
		} catch (err) {
			parentPort.postMessage({ id: message.id, error: describeError(err) });
		}
		parentPort.close();
		return;
	}
	try {
		const result = await pglite.query(message.sql, message.params, { rowMode: 'object' });
		/** @type {ArrayBuffer[]} */
		const transfer = [];
		const rows = (result.rows ?? []).map((/** @type {Record<string, unknown>} */ row) => {
			for (const key in row) {
				const value = row[key];
				if (value instanceof Uint8Array || Array.isArray(value)) row[key] = own(value, transfer);
			}
			return row;
		});
		parentPort.postMessage({ id: message.id, rows, affectedRows: result.affectedRows }, transfer);
	} catch (err) {
		parentPort.postMessage({ id: message.id, error: describeError(err) });
	}
}

main().catch((err) => parentPort.postMessage({ initError: describeError(err) }));
