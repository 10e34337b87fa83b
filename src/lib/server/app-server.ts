import type { Server } from 'node:http';

/**
 * The production entry (src/server.js) creates the http.Server and leaves it here before importing the
 * SvelteKit handler, so that the hooks' `init` can attach the realtime server to the same port and the
 * same database instance. The entry reads the shutdown steps back and runs them in order: realtime,
 * then (its own job) draining HTTP requests in flight, then the database.
 */
const SERVER_KEY = Symbol.for('co-course.http-server');
const SHUTDOWN_KEY = Symbol.for('co-course.shutdown');

export interface ShutdownSteps {
	/** Closes every WebSocket and stores every pending edit; the database is still open. */
	closeRealtime(): Promise<void>;
	/** Runs after every HTTP request has finished. */
	closeDatabase(): Promise<void>;
}

type Holder = { [SERVER_KEY]?: Server; [SHUTDOWN_KEY]?: ShutdownSteps };

export function handedOffServer(): Server | undefined {
	return (globalThis as Holder)[SERVER_KEY];
}

export function registerShutdown(steps: ShutdownSteps): void {
	(globalThis as Holder)[SHUTDOWN_KEY] = steps;
}
