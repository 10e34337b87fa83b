import type { Server } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from './db/types';
import { attachRealtime, type RealtimeDeps, type RealtimeServer } from './realtime';
import { acceptsPresence, authorizeCollab, validSessionIds } from './collab-access';
import { getRuntime } from './runtime';
import { createCourseActivityRecorder } from './courses/activity';
import { createAutoSnapshots, type AutoSnapshotTuning } from './versions/auto-snapshots';
import { createAttributionRecorder } from './contributions/attribution';
import { readConfig } from './config';
import { RedisRelay } from './realtime/relay/redis-relay';

const KEY = Symbol.for('co-course.realtime');
type Holder = { [KEY]?: RealtimeServer };

/**
 * Attaches the realtime (Yjs) server to the app's http.Server, sharing the process's one database.
 * Called by the hooks' init in production and by the Vite plugin in development.
 */
export async function attachLiveServer(server: Server, options: { dev?: boolean } = {}): Promise<RealtimeServer> {
	const { database } = await getRuntime();
	const origin = process.env.ORIGIN?.trim();
	const { redisUrl, redisPrefix } = readConfig();
	// With REDIS_URL, this is one of several processes: live documents, presence, comment signals and
	// access changes are relayed to the others (readConfig has refused it with the embedded database).
	const relay = redisUrl ? new RedisRelay({ url: redisUrl, prefix: redisPrefix }) : undefined;
	if (relay) {
		await relay.connect();
		console.log(`[relay] sharing live documents with other processes through Redis as ${relay.instanceId}`);
	}
	const realtime = attachRealtime(server, {
		...appRealtimeDeps(database.db),
		extensions: relay ? [relay] : [],
		allowedOrigins: origin ? [origin] : [],
		// Vite's HMR socket shares the dev server: leave its upgrades alone.
		ignoreOtherPaths: options.dev ?? false
	});
	setLiveServer(realtime);
	return realtime;
}

/**
 * Makes `realtime` the process's realtime server, the one each request's `locals.live` names
 * (undefined: none). Kept on globalThis because in development the Vite plugin attaches it from
 * its own evaluation of this module.
 */
function setLiveServer(realtime: RealtimeServer | undefined): void {
	(globalThis as Holder)[KEY] = realtime;
}

/**
 * How the app plugs into the realtime server: its access policy, presence rule, activity record,
 * who edited which field, and automatic history (tests shorten the snapshot interval).
 */
export function appRealtimeDeps(db: Kysely<Database>, options: { snapshots?: Partial<AutoSnapshotTuning> } = {}) {
	const recordActivity = createCourseActivityRecorder(db);
	const snapshots = createAutoSnapshots(db, options.snapshots);
	const attribution = createAttributionRecorder(db);
	return {
		db,
		authorize: (request: { courseId: string; sessionToken: string | undefined }) => authorizeCollab(db, request),
		acceptsPresence,
		validSessions: (sessionIds: string[]) => validSessionIds(db, sessionIds),
		onLoaded: (courseId, doc) => attribution.roomLoaded(courseId, doc),
		beforeChange: (courseId, origin, doc) => attribution.beforeChange(courseId, origin, doc),
		onStored(courseId, doc, authorIds) {
			recordActivity(courseId, doc);
			snapshots.recordEdits(courseId, doc, authorIds);
		},
		onIdle(courseId, doc) {
			attribution.roomIdle(courseId);
			return snapshots.roomIdle(courseId, doc);
		}
	} satisfies RealtimeDeps;
}

/** The process's realtime server, if attached. Read once per request by the hooks (locals.live); domain code is handed it. */
export function attachedLiveServer(): RealtimeServer | undefined {
	return (globalThis as Holder)[KEY];
}
