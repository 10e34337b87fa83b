// Client side of `npm run bench:realtime`, run as a child process so that client CPU and memory stay
// out of the server's figures. Clients are raw `ws` sockets speaking the y-websocket protocol: they
// answer the sync handshake but keep no document, except one writer per room that types into a Y.Text.
// Latency is measured here, with one clock: writer send time → arrival at every other client.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

const SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** @type {Set<WebSocket>} */
const sockets = new Set();
/** Send times of the edit in flight per writer: `${client}:${clock}` → ms. */
const sentAt = new Map();
/** @type {number[]} */
let latencies = [];
let recording = false;

function syncFrame(syncType, payload) {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, SYNC);
	encoding.writeVarUint(encoder, syncType);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

/** Reads only the first struct's (client, clock) of a v1 update: enough to identify a one-edit update. */
function firstStructId(update) {
	const decoder = decoding.createDecoder(update);
	if (decoding.readVarUint(decoder) === 0) return null; // no structs (delete-only)
	decoding.readVarUint(decoder); // number of structs of that client
	const client = decoding.readVarUint(decoder);
	const clock = decoding.readVarUint(decoder);
	return `${client}:${clock}`;
}

/**
 * Opens one socket and resolves once the server's sync step 2 has arrived (the client has the doc).
 * `writer` (a Y.Doc) answers the server's step 1 with its own state; plain clients have none.
 */
function connect(url, headers, writer = null) {
	return new Promise((resolve, reject) => {
		const startedAt = performance.now();
		const ws = new WebSocket(url, { headers, perMessageDeflate: false });
		let synced = false;
		ws.on('open', () => {
			sockets.add(ws);
			ws.send(syncFrame(STEP1, writer ? Y.encodeStateVector(writer) : new Uint8Array([0])));
		});
		ws.on('message', (data) => {
			const decoder = decoding.createDecoder(data);
			if (decoding.readVarUint(decoder) !== SYNC) return;
			const syncType = decoding.readVarUint(decoder);
			const payload = decoding.readVarUint8Array(decoder);
			if (syncType === STEP1) {
				ws.send(syncFrame(STEP2, writer ? Y.encodeStateAsUpdate(writer, payload) : EMPTY_UPDATE));
			} else if (syncType === STEP2 && !synced) {
				synced = true;
				resolve({ ws, ms: performance.now() - startedAt, bytes: payload.byteLength });
			} else if (syncType === UPDATE && sentAt.size > 0) {
				// Every delivery of an edit sent inside the measured window counts, even one arriving after it.
				const sent = sentAt.get(firstStructId(payload));
				if (sent !== undefined) latencies.push(performance.now() - sent);
			}
		});
		ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
		ws.on('error', (err) => (synced ? undefined : reject(err)));
		ws.on('close', () => sockets.delete(ws));
	});
}

/**
 * Connects `count` sockets with at most `parallel` handshakes in flight. `url` may be a list (one per
 * app process): the sockets then take them in turn, so a room's clients are spread over the processes.
 */
async function connectMany(url, headers, count, parallel = 64) {
	const urls = [].concat(url);
	let next = 0;
	const results = [];
	await Promise.all(
		Array.from({ length: Math.min(parallel, count) }, async () => {
			while (next < count) {
				const index = next;
				next += 1;
				results.push(await connect(urls[index % urls.length], headers));
			}
		})
	);
	return results;
}

function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function closeAll() {
	const closing = [...sockets].map((ws) => new Promise((resolve) => {
		ws.once('close', resolve);
		ws.close();
	}));
	await Promise.all(closing);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Each room gets one writer typing at `rate` edits/s into a Y.Text (a keystroke per edit) plus
 * `clients - 1` readers; latency is recorded at every reader after the warm-up.
 */
async function fanout({ baseUrl, headers, rooms, clients, rate, warmupMs, durationMs }) {
	const writers = [];
	const bases = [].concat(baseUrl); // several: one per app process, clients spread over them
	for (const [index, courseId] of rooms.entries()) {
		const urls = bases.map((base) => `${base}/${courseId}`);
		await connectMany(urls, headers, clients - 1);
		const doc = new Y.Doc();
		// Writers take the processes in turn too, so some readers are always on another process.
		const { ws } = await connect(urls[index % urls.length], headers, doc);
		writers.push({ doc, ws });
	}
	latencies = [];
	let edits = 0;
	const timers = writers.map(({ doc, ws }) => {
		const text = doc.getText('bench');
		const tick = () => {
			const id = `${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`;
			const now = performance.now();
			const handler = (update) => {
				if (recording) {
					sentAt.set(id, now);
					edits += 1;
				}
				ws.send(syncFrame(UPDATE, update));
			};
			doc.once('update', handler);
			text.insert(text.length, 'x');
		};
		const start = setTimeout(() => {
			tick();
			timers.push(setInterval(tick, 1000 / rate));
		}, Math.random() * (1000 / rate));
		return start;
	});
	await sleep(warmupMs);
	recording = true;
	await sleep(durationMs);
	recording = false;
	for (const timer of timers) {
		clearTimeout(timer);
		clearInterval(timer);
	}
	await sleep(1000); // deliveries of the last measured edits still count
	const sorted = Float64Array.from(latencies).sort();
	const result = {
		samples: sorted.length,
		expected: edits * (clients - 1),
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.length ? sorted[sorted.length - 1] : NaN
	};
	latencies = [];
	sentAt.clear();
	await closeAll();
	return result;
}

/**
 * Durability run: a writer types `edits` separate edits into a Y.Text; an observer (a second socket
 * with its own Y.Doc) applies what the server relays. Resolves once the observer holds every edit;
 * the sockets stay open (the bench kills the server next, and these clients never reconnect).
 */
async function editsReceived({ url, headers, edits }) {
	const writer = new Y.Doc();
	const { ws } = await connect(url, headers, writer);
	const observerDoc = new Y.Doc();
	const { ws: observer } = await connect(url, headers);
	const text = observerDoc.getText('durability');
	const received = new Promise((resolve) => {
		observer.on('message', (data) => {
			const decoder = decoding.createDecoder(data);
			if (decoding.readVarUint(decoder) !== SYNC) return;
			if (decoding.readVarUint(decoder) !== UPDATE) return;
			Y.applyUpdate(observerDoc, decoding.readVarUint8Array(decoder));
			if (countEdits(text.toString()) === edits) resolve();
		});
	});
	writer.on('update', (update) => ws.send(syncFrame(UPDATE, update)));
	for (let i = 0; i < edits; i++) {
		writer.getText('durability').insert(0, `e${i};`);
		if (i % 10 === 9) await sleep(5); // bursts and pauses, as people type
	}
	await received;
	return { edits };
}

function countEdits(text) {
	return new Set(text.match(/e\d+;/g) ?? []).size;
}

const commands = {
	fanout,
	editsReceived,
	async connectIdle({ url, headers, count }) {
		await connectMany(url, headers, count);
		return { open: sockets.size };
	},
	async coldOpen({ url, headers }) {
		const { ws, ms, bytes } = await connect(url, headers);
		ws.close();
		return { ms, bytes };
	},
	async closeAll() {
		await closeAll();
		return { open: sockets.size };
	}
};

process.on('message', async ({ id, command, args }) => {
	try {
		process.send({ id, result: await commands[command](args) });
	} catch (err) {
		process.send({ id, error: err instanceof Error ? err.message : String(err) });
	}
});
process.on('disconnect', () => process.exit(0));
