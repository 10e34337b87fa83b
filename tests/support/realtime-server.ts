import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/types';
import { appRealtimeDeps, setLiveServer } from '$lib/server/live';
import { attachRealtime, type RealtimeServer, type RealtimeTuning } from '$lib/server/realtime';

export interface TestRealtimeServer {
	realtime: RealtimeServer;
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
 * With `live`, it is also the app's live server for this test file, so domain verbs (role changes,
 * version restores) reach its sockets as they reach production's.
 */
export async function startRealtimeServer(
	db: Kysely<Database>,
	tuning: Partial<RealtimeTuning> = {},
	options: { live?: boolean } = {}
): Promise<TestRealtimeServer> {
	const server = http.createServer((_req, res) => {
		res.statusCode = 404;
		res.end();
	});
	// The app's own wiring (policy, presence rule, activity record), as in production.
	const realtime = attachRealtime(server, { ...appRealtimeDeps(db), tuning: { unloadGraceMs: 200, ...tuning } });
	if (options.live) setLiveServer(realtime);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	let closed: Promise<void> | undefined;
	return {
		realtime,
		port,
		collabUrl: `ws://127.0.0.1:${port}/collab`,
		origin: `http://127.0.0.1:${port}`,
		close() {
			closed ??= (async () => {
				if (options.live) setLiveServer(undefined);
				await realtime.close();
				server.closeAllConnections();
				await new Promise<void>((resolve) => server.close(() => resolve()));
			})();
			return closed;
		}
	};
}
