import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/types';
import { appRealtimeDeps } from '$lib/server/live';
import type { LiveContext } from '$lib/server/live-context';
import { attachRealtime, type RealtimeServer, type RealtimeTuning } from '$lib/server/realtime';

export interface TestRealtimeServer {
	realtime: RealtimeServer;
	/** The database with this server as the live one: domain verbs given it reach its rooms and sockets, as in production. */
	ctx: LiveContext;
	/** The `serverUrl` for y-websocket: ws://127.0.0.1:<port>/collab */
	collabUrl: string;
	/** The Origin a browser on this server would send. */
	origin: string;
	port: number;
	/** Closes the realtime server (flushing) and then the http server. Idempotent. */
	close(): Promise<void>;
}

/**
 * A real http.Server on a free port with the realtime server attached the way the app attaches it.
 * Domain verbs given its `ctx` (role changes, version restores) reach its sockets as they reach
 * production's; given `withoutLive(db)` they go straight to storage.
 */
export async function startRealtimeServer(db: Kysely<Database>, tuning: Partial<RealtimeTuning> = {}): Promise<TestRealtimeServer> {
	const server = http.createServer((_req, res) => {
		res.statusCode = 404;
		res.end();
	});
	// The app's own wiring (policy, presence rule, activity record), as in production.
	const realtime = attachRealtime(server, { ...appRealtimeDeps(db), tuning: { unloadGraceMs: 200, ...tuning } });
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	let closed: Promise<void> | undefined;
	return {
		realtime,
		ctx: { db, live: realtime },
		port,
		collabUrl: `ws://127.0.0.1:${port}/collab`,
		origin: `http://127.0.0.1:${port}`,
		close() {
			closed ??= (async () => {
				await realtime.close();
				server.closeAllConnections();
				await new Promise<void>((resolve) => server.close(() => resolve()));
			})();
			return closed;
		}
	};
}
