import type { Server } from 'node:http';
import type { Kysely } from 'kysely';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import type { Database } from '../db/types';
import { SESSION_COOKIE } from '../auth/session';
import { GoingAway, Unauthorized, type CloseEvent } from './close-codes';
import { DEFAULT_WRITER_TUNING, type WriterTuning } from './doc-writer';
import { DEFAULT_CONNECTION_BUDGET, type ConnectionBudget } from './connection';
import type { Peer } from './room';
import { RoomRegistry } from './rooms';
import { createUpgradeListener, type AuthorizeCollab } from './upgrade';
import { encodeSignal, type SignalTopic } from './protocol';
import { createDatabaseDocumentStore, type DocumentStore } from './document-store';
import { accessChangeMatches, combineHooks, type AccessChange, type ChangeOrigin, type LiveRooms, type RealtimeExtension } from './hooks';

export * as CloseEvents from './close-codes';
export { loadDocState } from './persistence';
export type { AuthorizeCollab, CollabAccessDecision } from './upgrade';
export type { Peer } from './room';
export type { SignalTopic } from './protocol';
export type { DocumentStore } from './document-store';
export { createDatabaseDocumentStore } from './document-store';
export type { AccessChange, ChangeOrigin, LiveRooms, RealtimeExtension, RealtimeHooks } from './hooks';

export interface RealtimeTuning extends WriterTuning, ConnectionBudget {
	/** Largest frame a peer may send; a bigger one closes that socket (1009). */
	maxPayloadBytes: number;
	/**
	 * Ping interval; a peer that has not answered the previous ping by the next one is dropped. Open
	 * sockets' sessions are checked at the same pace.
	 */
	heartbeatMs: number;
	/** How long an empty document stays in memory after its edits are saved. */
	unloadGraceMs: number;
}

export const DEFAULT_REALTIME_TUNING: RealtimeTuning = {
	...DEFAULT_WRITER_TUNING,
	...DEFAULT_CONNECTION_BUDGET,
	maxPayloadBytes: 4 * 1024 * 1024,
	heartbeatMs: 30_000,
	unloadGraceMs: 5_000
};

export interface RealtimeDeps {
	db: Kysely<Database>;
	/** Where documents are kept; by default the database above (createDatabaseDocumentStore). */
	store?: DocumentStore;
	/** Take part in the rooms' lifecycle (e.g. the Redis relay); their hooks run after the app's. */
	extensions?: RealtimeExtension[];
	/** The app's access decision (authorizeCollab), so the realtime server never reasons about roles. */
	authorize: AuthorizeCollab;
	/** Origins allowed besides the request's own (e.g. the public ORIGIN behind a proxy). */
	allowedOrigins?: string[];
	sessionCookie?: string;
	/** Development: leave non-/collab upgrades to Vite's HMR socket instead of answering 400. */
	ignoreOtherPaths?: boolean;
	tuning?: Partial<RealtimeTuning>;
	/** Called once a course's room is loaded (see RoomRegistryOptions.onLoaded). */
	onLoaded?: (courseId: string, doc: Y.Doc) => void;
	/** Called before a change is applied to a room's document (see RealtimeHooks.beforeChange). */
	beforeChange?: (courseId: string, origin: ChangeOrigin, doc: Y.Doc) => void;
	/** Called when a change reaches the room's peers, with where it came from (see RealtimeHooks.onChange). */
	onChange?: (courseId: string, update: Uint8Array, origin: ChangeOrigin, doc: Y.Doc) => void;
	/** Called after edits to a course's document are stored (see RoomRegistryOptions.onStored). */
	onStored?: (courseId: string, doc: Y.Doc, authorIds: readonly string[]) => void;
	/** Called when a course's room goes idle and at shutdown (see RoomRegistryOptions.onIdle). */
	onIdle?: (courseId: string, doc: Y.Doc) => void | Promise<void>;
	/** Whether a peer may publish a presence state; the app knows what a state claims. */
	acceptsPresence?: (peer: Peer, state: unknown) => boolean;
	/**
	 * Which of these login sessions are still valid. Sockets of the others are closed (Unauthorized):
	 * a session can end by expiry or revocation without anyone telling the realtime server.
	 */
	validSessions?: (sessionIds: string[]) => Promise<Set<string>>;
}

export interface RealtimeStats {
	rooms: number;
	connections: number;
	/** Rooms with edits not yet durably stored. */
	pendingWrites: number;
}

export interface RealtimeServer {
	/** Closes every socket (1001, clients reconnect), stores every pending edit. Idempotent. */
	close(): Promise<void>;
	stats(): RealtimeStats;
	/** A course document as one Yjs update, including edits still in the live room's batching window. */
	snapshot(courseId: string): Promise<Uint8Array>;
	/**
	 * Applies a change on the server's side (e.g. restoring a version) through the course's room,
	 * loading it if needed, so connected peers get it; resolves once it is stored. If storing fails it
	 * rejects, but the change stays applied and queued, and the writer keeps retrying.
	 */
	applyServerUpdate(courseId: string, update: Uint8Array, authorId: string | null): Promise<void>;
	/**
	 * Tells every socket of a course that `topic` changed (message type 5, see protocol.ts); returns
	 * how many of this process's sockets were told. Extensions hear of it (the relay tells the others).
	 */
	signal(courseId: string, topic: SignalTopic): number;
	/**
	 * Closes the sockets an access change names, here and (through extensions such as the relay) in
	 * every other process; returns how many of this process's sockets were closed.
	 */
	changeAccess(change: AccessChange): number;
	/** Closes a course's sockets (optionally only some peers), e.g. with CloseEvents.Forbidden. */
	disconnect(courseId: string, event: CloseEvent, filter?: (peer: Peer) => boolean): number;
	/** Closes the sockets of matching peers in every course, e.g. those of a session that logged out. */
	disconnectEverywhere(event: CloseEvent, filter: (peer: Peer) => boolean): number;
}

/**
 * Attaches the y-websocket server to an existing http.Server: it claims upgrades on
 * `/collab/<course id>` and keeps course documents in memory while anyone edits them.
 */
export function attachRealtime(server: Server, deps: RealtimeDeps): RealtimeServer {
	const tuning: RealtimeTuning = { ...DEFAULT_REALTIME_TUNING, ...deps.tuning };
	const store = deps.store ?? createDatabaseDocumentStore(deps.db);
	const extensions = deps.extensions ?? [];
	const onChange = deps.onChange;
	const appHooks = {
		onLoaded: deps.onLoaded,
		beforeChange: deps.beforeChange,
		onStored: deps.onStored,
		onIdle: deps.onIdle,
		onChange: onChange && ((courseId: string, update: Uint8Array, origin: ChangeOrigin) => {
			const doc = registry.room(courseId)?.doc;
			if (doc) onChange(courseId, update, origin, doc);
		})
	};
	const hooks = combineHooks([appHooks, ...extensions]);
	const registry = new RoomRegistry({
		store,
		writer: tuning,
		unloadGraceMs: tuning.unloadGraceMs,
		hooks,
		acceptsPresence: deps.acceptsPresence,
		budget: tuning
	});
	const wss = new WebSocketServer({
		noServer: true,
		clientTracking: false, // the rooms track their sockets
		maxPayload: tuning.maxPayloadBytes,
		perMessageDeflate: false
	});
	let closing: Promise<void> | null = null;
	// Bumped by every access change the app reports, so an upgrade that was authorised before one
	// (and joins after it) is authorised again instead of joining with stale rights.
	let accessEpoch = 0;

	const onUpgrade = createUpgradeListener({
		wss,
		registry,
		authorize: deps.authorize,
		allowedOrigins: new Set((deps.allowedOrigins ?? []).map(normaliseOrigin)),
		sessionCookie: deps.sessionCookie ?? SESSION_COOKIE,
		ignoreOtherPaths: deps.ignoreOtherPaths ?? false,
		isClosing: () => closing !== null,
		accessEpoch: () => accessEpoch
	});
	server.on('upgrade', onUpgrade);

	const closeEverywhere = (event: CloseEvent, filter: (peer: Peer) => boolean): number => {
		let closed = 0;
		for (const room of registry.rooms()) closed += room.closeConnections(event, filter);
		return closed;
	};

	const applyAccessChange = (change: AccessChange): number => {
		accessEpoch += 1;
		if (change.scope === 'course') {
			return registry.disconnect(change.courseId, change.event, (peer) => accessChangeMatches(change, change.courseId, peer));
		}
		let closed = 0;
		for (const room of registry.rooms()) {
			closed += room.closeConnections(change.event, (peer) => accessChangeMatches(change, room.courseId, peer));
		}
		return closed;
	};

	const signalLocally = (courseId: string, topic: SignalTopic) => registry.broadcast(courseId, encodeSignal(topic));
	const liveRooms: LiveRooms = {
		room: (courseId) => registry.room(courseId),
		rooms: () => registry.rooms(),
		readStored: (courseId) => store.read(courseId),
		applyAccessChange,
		signalLocally
	};
	for (const extension of extensions) extension.start?.(liveRooms);

	let checkingSessions = false;
	const closeEndedSessions = async (): Promise<void> => {
		if (!deps.validSessions || checkingSessions) return;
		const checked = new Set<string>();
		for (const room of registry.rooms()) {
			for (const { peer } of room.connections) if (peer.sessionId) checked.add(peer.sessionId);
		}
		if (checked.size === 0) return;
		checkingSessions = true;
		try {
			const valid = await deps.validSessions([...checked]);
			// Only sessions that were checked: a socket that joined meanwhile was authorised just now.
			const ended = (peer: Peer) => peer.sessionId !== undefined && checked.has(peer.sessionId) && !valid.has(peer.sessionId);
			if (closing === null) closeEverywhere(Unauthorized, ended);
		} catch (err) {
			// Nobody is closed on a failed check (the database may be down); the next heartbeat retries.
			console.error('[realtime] checking sessions failed:', err instanceof Error ? err.message : err);
		} finally {
			checkingSessions = false;
		}
	};

	// One timer for every socket rather than one per socket: idle connections should cost little.
	const heartbeat = setInterval(() => {
		for (const room of registry.rooms()) {
			for (const connection of room.connections) {
				if (!connection.alive) {
					connection.ws.terminate();
					continue;
				}
				connection.alive = false;
				connection.ws.ping();
			}
		}
		void closeEndedSessions();
	}, tuning.heartbeatMs);
	heartbeat.unref();

	return {
		close() {
			closing ??= (async () => {
				server.off('upgrade', onUpgrade);
				clearInterval(heartbeat);
				await registry.close(GoingAway);
				await new Promise<void>((resolve) => wss.close(() => resolve()));
				await Promise.allSettled(extensions.map((extension) => extension.close?.()));
			})();
			return closing;
		},
		stats: () => registry.stats(),
		snapshot: (courseId) => registry.snapshot(courseId),
		applyServerUpdate: (courseId, update, authorId) => registry.applyServerUpdate(courseId, update, authorId),
		signal(courseId, topic) {
			const told = signalLocally(courseId, topic);
			hooks.onSignal(courseId, topic);
			return told;
		},
		changeAccess(change) {
			const closed = applyAccessChange(change);
			hooks.onAccessChange(change);
			return closed;
		},
		disconnect(courseId, event, filter) {
			accessEpoch += 1;
			return registry.disconnect(courseId, event, filter);
		},
		disconnectEverywhere(event, filter) {
			accessEpoch += 1;
			return closeEverywhere(event, filter);
		}
	};
}

function normaliseOrigin(origin: string): string {
	try {
		return new URL(origin).origin.toLowerCase();
	} catch {
		return origin.toLowerCase();
	}
}
