import type { Server } from 'node:http';
import { attachRealtime, type RealtimeServer } from './realtime';
import { authorizeCollab } from './collab-access';
import { getRuntime } from './runtime';
import { createCourseActivityRecorder } from './courses/activity';

const KEY = Symbol.for('co-course.realtime');
type Holder = { [KEY]?: RealtimeServer };

/**
 * Attaches the realtime (Yjs) server to the app's http.Server, sharing the process's one database.
 * Called by the hooks' init in production and by the Vite plugin in development.
 */
export async function attachLiveServer(server: Server, options: { dev?: boolean } = {}): Promise<RealtimeServer> {
	const { database } = await getRuntime();
	const db = database.db;
	const origin = process.env.ORIGIN?.trim();
	const realtime = attachRealtime(server, {
		db,
		authorize: (request) => authorizeCollab(db, request),
		allowedOrigins: origin ? [origin] : [],
		// Vite's HMR socket shares the dev server: leave its upgrades alone.
		ignoreOtherPaths: options.dev ?? false,
		onStored: createCourseActivityRecorder(db)
	});
	(globalThis as Holder)[KEY] = realtime;
	return realtime;
}

/** The running realtime server, for server-side changes to live documents (e.g. restoring a version). */
export function liveServer(): RealtimeServer | undefined {
	return (globalThis as Holder)[KEY];
}
