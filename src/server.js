// Production entry: one http.Server for SvelteKit pages and the realtime WebSocket server.
// The server is handed to the SvelteKit bundle before it is imported, because importing
// build/handler.js runs our hooks' init(), which opens the database and attaches the realtime server.
import http from 'node:http';

const SERVER_KEY = Symbol.for('co-course.http-server');
const SHUTDOWN_KEY = Symbol.for('co-course.shutdown');
const migrateOnly = process.argv.includes('--migrate-only');

/** @type {Record<symbol, unknown>} */
const handoff = /** @type {any} */ (globalThis);
const server = http.createServer();
handoff[SERVER_KEY] = server;

// adapter-node assumes https unless told otherwise, which would fail its CSRF origin check (and mark
// cookies Secure) on a plain-http localhost. This server speaks plain http, so unless the operator says
// how the app is reached (ORIGIN, or PROTOCOL_HEADER behind a TLS proxy), we tell it so ourselves.
const PROTOCOL_HEADER = 'x-co-course-protocol';
const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocol) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;

// Built by `vite build`; a variable path keeps type-checking from requiring the build to exist.
const handlerPath = '../build/handler.js';
/** @type {{ handler: import('node:http').RequestListener }} */
const { handler } = await import(handlerPath).catch((err) => {
	// Startup problems with the environment are one line for the operator; anything else keeps its
	// stack, but not Node's echo of the (minified) source line an uncaught error would print.
	if (err?.name === 'StartupError') console.error(`[server] cannot start: ${err.message}`);
	else console.error('[server] cannot start:', err);
	process.exit(1);
});

// How long shutdown waits for HTTP requests in flight before it cuts them off.
const DRAIN_TIMEOUT_MS = 10_000;

/** Requests being answered: shutdown waits for them before it closes the database. */
let inFlight = 0;

/** @type {Promise<void> | undefined} */
let stopping;
/** @param {string} [signal] */
async function shutdown(signal) {
	stopping ??= (async () => {
		if (signal) console.log(`[server] ${signal}: shutting down`);
		// No new connections from here on; idle keep-alive ones are closed now, busy ones when done.
		const httpClosed = new Promise((resolve) => server.close(() => resolve(undefined)));
		/** @type {{ closeRealtime(): Promise<void>; closeDatabase(): Promise<void> } | undefined} */
		const app = /** @type {any} */ (handoff[SHUTDOWN_KEY]);
		// Realtime first: it closes the sockets and stores every pending edit, which needs the database.
		await app?.closeRealtime();
		await drainHttp(httpClosed);
		// Last, once nothing can use it any more.
		await app?.closeDatabase();
	})();
	return stopping;
}

/** Waits for requests in flight to finish (closing connections as they go idle), up to DRAIN_TIMEOUT_MS. */
async function drainHttp(/** @type {Promise<unknown>} */ httpClosed) {
	if (inFlight > 0) console.log(`[server] waiting for ${inFlight} HTTP request${inFlight === 1 ? '' : 's'} to finish`);
	const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
	/** @type {ReturnType<typeof setTimeout> | undefined} */
	let deadline;
	const timedOut = new Promise((resolve) => (deadline = setTimeout(() => resolve('timeout'), DRAIN_TIMEOUT_MS)));
	try {
		if ((await Promise.race([httpClosed, timedOut])) === 'timeout') {
			console.error(`[server] ${inFlight} HTTP request(s) still open after ${DRAIN_TIMEOUT_MS} ms: closing them`);
			server.closeAllConnections();
		}
	} finally {
		clearInterval(idleSweep);
		clearTimeout(deadline);
	}
}

if (migrateOnly) {
	await shutdown();
	console.log('[server] database is up to date');
} else {
	server.on('request', (req, res) => {
		inFlight += 1;
		res.once('close', () => (inFlight -= 1));
		// Overwrites anything a client sent under that name.
		if (ownProtocol) req.headers[PROTOCOL_HEADER] = 'http';
		// Static files are answered by adapter-node before our hooks run; they need nosniff as well.
		res.setHeader('X-Content-Type-Options', 'nosniff');
		handler(req, res);
	});
	const port = Number(process.env.PORT ?? 3000);
	const host = process.env.HOST ?? '0.0.0.0';
	server.listen(port, host, () => {
		const address = server.address();
		const shown = typeof address === 'object' && address ? address.port : port;
		console.log(`[server] Co-course listening on http://localhost:${shown}`);
	});
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			shutdown(signal).then(
				() => process.exit(0),
				(err) => {
					console.error('[server] shutdown failed:', err);
					process.exit(1);
				}
			);
		});
	}
}
