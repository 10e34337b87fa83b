import * as Y from 'yjs';
import type { CloseEvent } from './close-codes';
import { DocWriter, type WriterTuning } from './doc-writer';
import { readDocState, type DocumentStore } from './document-store';
import type { ConnectionBudget } from './connection';
import type { RealtimeHooks } from './hooks';
import { Room, type Peer } from './room';

interface LoadedRoom {
	room: Room;
	writer: DocWriter;
	unloadTimer: ReturnType<typeof setTimeout> | null;
}

export interface RoomRegistryOptions {
	store: DocumentStore;
	writer: WriterTuning;
	/** How long an empty room stays in memory, so a quick reload or reconnect does not hit the database. */
	unloadGraceMs: number;
	/**
	 * What happens to rooms, for the app and extensions (see RealtimeHooks). onIdle runs when a room
	 * is about to be unloaded (its last peer left and its edits are stored) and for every room at
	 * shutdown; its promise is awaited at shutdown, so work started then finishes before the database closes.
	 */
	hooks?: RealtimeHooks;
	/** Whether a peer may publish a presence state (see Room). */
	acceptsPresence?: (peer: Peer, state: unknown) => boolean;
	/** What each connection may send (see ConnectionBudget). */
	budget?: ConnectionBudget;
}

const SHUTDOWN_FLUSH_ATTEMPTS = 5;

/**
 * The documents this process holds in memory, keyed by course id. Loads a room on first use (one
 * load per course however many sockets arrive at once), saves its edits through a DocWriter, and
 * unloads it once the last peer has left, its edits are stored and the grace period has passed.
 */
export class RoomRegistry {
	private readonly loaded = new Map<string, LoadedRoom>();
	private readonly loading = new Map<string, Promise<LoadedRoom>>();
	private readonly hooks: RealtimeHooks;
	private closing = false;

	constructor(private readonly options: RoomRegistryOptions) {
		this.hooks = options.hooks ?? {};
	}

	/** The loaded room of a course, if any (not reserved: for extensions acting on live rooms). */
	room(courseId: string): Room | undefined {
		return this.loaded.get(courseId)?.room;
	}

	/** Finds or loads a course's room and reserves it: the caller must join a socket to it or release it. */
	async open(courseId: string): Promise<Room> {
		const entry = this.loaded.get(courseId) ?? (await this.load(courseId));
		entry.room.retain();
		this.cancelUnload(entry);
		return entry.room;
	}

	/** The document as one update, including edits not yet stored when the room is live. */
	async snapshot(courseId: string): Promise<Uint8Array> {
		const entry = this.loaded.get(courseId);
		return entry ? Y.encodeStateAsUpdate(entry.room.doc) : readDocState(this.options.store, courseId);
	}

	/**
	 * Applies a change made by the app (e.g. restoring a version as a new change on top) through the
	 * room, so connected peers receive it, and resolves once it is stored.
	 */
	async applyServerUpdate(courseId: string, update: Uint8Array, authorId: string | null): Promise<void> {
		const room = await this.open(courseId);
		try {
			room.applyServerChange(update, authorId);
			await this.loaded.get(courseId)?.writer.flush();
		} finally {
			room.release();
		}
	}

	/** Closes the sockets of one course (optionally only some peers), e.g. when access is revoked. */
	disconnect(courseId: string, event: CloseEvent, filter?: (peer: Peer) => boolean): number {
		return this.loaded.get(courseId)?.room.closeConnections(event, filter) ?? 0;
	}

	/** Sends one frame to every socket of a course, read-only peers included; no-op when nobody is connected. */
	broadcast(courseId: string, frame: Uint8Array): number {
		const room = this.loaded.get(courseId)?.room;
		if (!room) return 0;
		for (const connection of room.connections) connection.send(frame);
		return room.connections.size;
	}

	*rooms(): Iterable<Room> {
		for (const entry of this.loaded.values()) yield entry.room;
	}

	stats(): { rooms: number; connections: number; pendingWrites: number } {
		let connections = 0;
		let pendingWrites = 0;
		for (const { room, writer } of this.loaded.values()) {
			connections += room.connections.size;
			if (writer.hasPending) pendingWrites += 1;
		}
		return { rooms: this.loaded.size, connections, pendingWrites };
	}

	/** Closes every socket with `event`, stores every pending edit and drops all rooms. */
	async close(event: CloseEvent): Promise<void> {
		this.closing = true;
		await Promise.allSettled(this.loading.values());
		const entries = [...this.loaded.values()];
		for (const entry of entries) {
			this.cancelUnload(entry);
			entry.writer.stop();
			entry.room.closeConnections(event);
		}
		await Promise.all(entries.map((entry) => this.flushForShutdown(entry)));
		await Promise.all(entries.map((entry) => this.notifyIdle(entry)));
		for (const entry of entries) {
			this.loaded.delete(entry.room.courseId);
			entry.room.destroy();
			this.hooks.onUnloaded?.(entry.room.courseId);
		}
	}

	private load(courseId: string): Promise<LoadedRoom> {
		let pending = this.loading.get(courseId);
		if (!pending) {
			pending = this.createRoom(courseId).finally(() => this.loading.delete(courseId));
			this.loading.set(courseId, pending);
		}
		return pending;
	}

	private async createRoom(courseId: string): Promise<LoadedRoom> {
		if (this.closing) throw new Error('The realtime server is shutting down.');
		// Before the read: whatever another process stores after it is then heard about, not missed.
		await this.hooks.beforeLoad?.(courseId);
		const stored = await this.options.store.read(courseId);
		if (this.closing) throw new Error('The realtime server is shutting down.');
		const { store, writer: tuning, hooks } = this.options;
		let room: Room | undefined = undefined;
		const onStored = (authorIds: readonly string[]) => room && hooks?.onStored?.(courseId, room.doc, authorIds);
		const writer = new DocWriter(store, courseId, tuning, stored.updateRows, stored.updateBytes, onStored, () => room?.doc);
		room = new Room(courseId, stored, writer, () => this.scheduleUnload(courseId), {
			acceptsPresence: this.options.acceptsPresence,
			budget: this.options.budget,
			beforeChange: hooks?.beforeChange && ((origin) => room && hooks.beforeChange?.(courseId, origin, room.doc)),
			onChange: hooks?.onChange && ((update, origin) => hooks.onChange?.(courseId, update, origin)),
			onAwareness: hooks?.onAwareness && ((r, change, origin) => hooks.onAwareness?.(courseId, r, change, origin))
		});
		const entry: LoadedRoom = { room, writer, unloadTimer: null };
		this.loaded.set(courseId, entry);
		try {
			hooks?.onLoaded?.(courseId, room.doc);
		} catch (err) {
			console.error(`[realtime] after loading course ${courseId}:`, err instanceof Error ? err.message : err);
		}
		return entry;
	}

	private scheduleUnload(courseId: string): void {
		const entry = this.loaded.get(courseId);
		if (!entry || this.closing) return;
		this.cancelUnload(entry);
		// Save right away, so that a room nobody is in has no unsaved edits during the grace period.
		entry.writer.flush().catch(() => {}); // failures are retried by the writer itself
		entry.unloadTimer = setTimeout(() => void this.unload(entry), this.options.unloadGraceMs);
		entry.unloadTimer.unref?.();
	}

	private async unload(entry: LoadedRoom): Promise<void> {
		entry.unloadTimer = null;
		const courseId = entry.room.courseId;
		let saved = true;
		try {
			await entry.writer.flush();
			await entry.writer.compactBeforeUnload(); // a failure is logged; the rows stay and are read next time
		} catch {
			saved = false; // the document stays in memory; the writer logs the failure and retries
		}
		if (this.closing || this.loaded.get(courseId) !== entry || !entry.room.isIdle) return;
		if (!saved || entry.writer.hasPending) {
			this.scheduleUnload(courseId);
			return;
		}
		void this.notifyIdle(entry);
		this.loaded.delete(courseId);
		entry.writer.stop();
		entry.room.destroy();
		this.hooks.onUnloaded?.(courseId);
	}

	private async notifyIdle(entry: LoadedRoom): Promise<void> {
		try {
			await this.hooks.onIdle?.(entry.room.courseId, entry.room.doc);
		} catch (err) {
			console.error(`[realtime] idle hook of course ${entry.room.courseId} failed:`, err instanceof Error ? err.message : err);
		}
	}

	private cancelUnload(entry: LoadedRoom): void {
		if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
		entry.unloadTimer = null;
	}

	private async flushForShutdown(entry: LoadedRoom): Promise<void> {
		for (let attempt = 1; attempt <= SHUTDOWN_FLUSH_ATTEMPTS; attempt++) {
			try {
				await entry.writer.flush();
				if (!entry.writer.hasPending) return;
			} catch (err) {
				const reason = err instanceof Error ? err.message : String(err);
				console.error(`[realtime] saving course ${entry.room.courseId} at shutdown failed (attempt ${attempt}):`, reason);
				await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
			}
		}
		// Clients still hold these edits and send them again when they reconnect to the next server.
		console.error(`[realtime] course ${entry.room.courseId}: unsaved edits left at shutdown`);
	}
}
