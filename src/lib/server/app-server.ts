import type { Server } from 'node:http';

/**
 * The production entry (src/server.js) creates the http.Server and leaves it here before importing the
 * SvelteKit handler, so that the hooks' `init` can attach the realtime server to the same port and the
 * same database instance. The entry reads `shutdown` back to close everything in order.
 */
const SERVER_KEY = Symbol.for('co-course.http-server');
const SHUTDOWN_KEY = Symbol.for('co-course.shutdown');

type Holder = { [SERVER_KEY]?: Server; [SHUTDOWN_KEY]?: () => Promise<void> };

export function handedOffServer(): Server | undefined {
	return (globalThis as Holder)[SERVER_KEY];
}

export function registerShutdown(shutdown: () => Promise<void>): void {
	(globalThis as Holder)[SHUTDOWN_KEY] = shutdown;
}
