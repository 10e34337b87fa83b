import type * as Y from 'yjs';
import type { CloseEvent } from './close-codes';
import type { Peer } from './connection';
import type { SignalTopic } from './protocol';
import type { Room } from './room';
import type { StoredDoc } from './document-store';

/** Who made a change to a live document. */
export type ChangeOrigin =
	| { kind: 'peer'; userId: string }
	| { kind: 'server'; authorId: string | null }
	/** Relayed from another process, which has already stored it; never stored again here. */
	| { kind: 'remote'; instanceId: string };

export interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}

/**
 * `local`: one of this process's peers, or its departure; `expired`: a state nobody renewed for 30 s,
 * which every process drops by itself; `remote`: relayed from another process.
 */
export type AwarenessOrigin = { kind: 'local' } | { kind: 'expired' } | { kind: 'remote'; instanceId: string };

/**
 * An access change, described as data rather than as a filter function so that it can travel to
 * other processes: each applies it to its own sockets.
 */
export type AccessChange =
	/** Sockets of one course: everyone's, one user's, or only the read-only peers'. */
	| { scope: 'course'; courseId: string; event: CloseEvent; userId?: string; readersOnly?: boolean }
	/** One user's sockets in every course. */
	| { scope: 'user'; userId: string; event: CloseEvent }
	/** The sockets opened with one login session. */
	| { scope: 'session'; sessionId: string; event: CloseEvent };

/** Whether a peer's socket is one an access change closes. */
export function accessChangeMatches(change: AccessChange, courseId: string, peer: Peer): boolean {
	switch (change.scope) {
		case 'course':
			if (change.courseId !== courseId) return false;
			if (change.userId !== undefined && peer.userId !== change.userId) return false;
			return !change.readersOnly || !peer.canWrite;
		case 'user':
			return peer.userId === change.userId;
		case 'session':
			return peer.sessionId === change.sessionId;
	}
}

/**
 * What the realtime server tells about its documents. Every hook is optional and synchronous unless
 * its type says otherwise; a hook that throws is logged and does not disturb the room.
 */
export interface RealtimeHooks {
	/**
	 * Awaited before a room's stored document is read, e.g. to subscribe to other processes' changes
	 * first, so that nothing they store after the read can be missed.
	 */
	beforeLoad?(courseId: string): Promise<void>;
	/** A room was loaded, before anyone edits it (e.g. to take a baseline). */
	onLoaded?(courseId: string, doc: Y.Doc): void;
	/**
	 * A change is about to be applied to a loaded room's document, which is still as it was before
	 * (e.g. to credit what one person did before another's change lands). Runs for every transaction.
	 */
	beforeChange?(courseId: string, origin: ChangeOrigin, doc: Y.Doc): void;
	/**
	 * A change was delivered to the room's peers: for this process's own changes, once stored; for
	 * relayed ones, once applied.
	 */
	onChange?(courseId: string, update: Uint8Array, origin: ChangeOrigin): void;
	/** Presence changed in a room (`origin` local: one of this process's peers, or its departure). */
	onAwareness?(courseId: string, room: Room, change: AwarenessChange, origin: AwarenessOrigin): void;
	/** Edits to a course's document were stored, with their authors. */
	onStored?(courseId: string, doc: Y.Doc, authorIds: readonly string[]): void;
	/**
	 * A room is about to be unloaded (or the server shuts down); the document may be read during the
	 * call only. A returned promise is awaited at shutdown.
	 */
	onIdle?(courseId: string, doc: Y.Doc): void | Promise<void>;
	/** A room was unloaded: nobody here has the course open any more. */
	onUnloaded?(courseId: string): void;
	/** The app announced a change beside the document (Signal frames went to this process's sockets). */
	onSignal?(courseId: string, topic: SignalTopic): void;
	/** The app changed someone's access (this process's sockets are already closed). */
	onAccessChange?(change: AccessChange): void;
}

/** What an extension (such as the Redis relay) may do with this process's live rooms. */
export interface LiveRooms {
	/** The loaded room of a course, if any. */
	room(courseId: string): Room | undefined;
	rooms(): Iterable<Room>;
	/** Reads a course document from the store (to heal a gap). */
	readStored(courseId: string): Promise<StoredDoc>;
	/** Closes this process's sockets that an access change names; returns how many. */
	applyAccessChange(change: AccessChange): number;
	/** Sends a Signal frame to this process's sockets of a course. */
	signalLocally(courseId: string, topic: SignalTopic): number;
}

/** A hooks object that takes part in the server's lifecycle. */
export interface RealtimeExtension extends RealtimeHooks {
	/** Called once the server exists, before any socket joins. */
	start?(rooms: LiveRooms): void;
	/** Called at shutdown, after every room has been stored and unloaded. */
	close?(): Promise<void>;
}

/** One hooks object calling each of `list` in turn; a throwing hook is logged and skipped. */
export function combineHooks(list: readonly RealtimeHooks[]): Required<RealtimeHooks> {
	const each = <K extends keyof RealtimeHooks>(name: K) =>
		list.map((hooks) => hooks[name]?.bind(hooks)).filter((fn): fn is NonNullable<RealtimeHooks[K]> => fn !== undefined) as Array<
			(...args: unknown[]) => unknown
		>;
	const sync =
		<K extends keyof RealtimeHooks>(name: K) => {
			const fns = each(name); // resolved once: onChange runs for every edit
			return (...args: unknown[]) => {
				for (const fn of fns) {
					try {
						fn(...args);
					} catch (err) {
						console.error(`[realtime] ${name} hook failed:`, err instanceof Error ? err.message : err);
					}
				}
			};
		};
	const parallel =
		<K extends keyof RealtimeHooks>(name: K) => {
			const fns = each(name);
			return async (...args: unknown[]) => {
			const results = await Promise.allSettled(fns.map(async (fn) => fn(...args)));
			for (const result of results) {
				if (result.status === 'rejected') {
					const reason = result.reason instanceof Error ? result.reason.message : result.reason;
					console.error(`[realtime] ${name} hook failed:`, reason);
				}
			}
			};
		};
	return {
		beforeLoad: parallel('beforeLoad'),
		onLoaded: sync('onLoaded'),
		beforeChange: sync('beforeChange'),
		onChange: sync('onChange'),
		onAwareness: sync('onAwareness'),
		onStored: sync('onStored'),
		onIdle: parallel('onIdle'),
		onUnloaded: sync('onUnloaded'),
		onSignal: sync('onSignal'),
		onAccessChange: sync('onAccessChange')
	} as Required<RealtimeHooks>;
}
