import type WebSocket from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { BadMessage, TooManyMessages, type CloseEvent } from './close-codes';
import { Connection, type ConnectionBudget, type Peer } from './connection';
import { presenceProblem, type AcceptsPresence } from './presence';
import {
	decodeClientMessage,
	encodeAwareness,
	encodeAwarenessEntries,
	encodeDocUpdate,
	encodeSyncStep1,
	encodeSyncStep2,
	MalformedMessageError,
	type AwarenessEntry
} from './protocol';
import { applyStoredParts, MalformedUpdateError, updateProblem } from './update-guard';
import { FullStateFrames, isEmptyStateVector } from './full-state';
import type { AwarenessChange, AwarenessOrigin, ChangeOrigin } from './hooks';
import { changesMapKeys } from './map-keys';

export type { Peer } from './connection';

/** Where a room's changes go; peers get a change only once `record`'s delivery runs. */
export interface RoomStore {
	record(update: Uint8Array, authorId: string | null, deliver: () => void): void;
	afterStored(fn: () => void): void;
}

export interface RoomOptions {
	/** Whether a peer may publish this presence state (e.g. it must not claim another person). */
	acceptsPresence?: AcceptsPresence;
	/** What each connection may send (frames, bytes, presence updates per second). */
	budget?: ConnectionBudget;
	/** A change is about to be applied (see RealtimeHooks.beforeChange). */
	beforeChange?: (origin: ChangeOrigin) => void;
	/** A change was delivered to the peers (see RealtimeHooks.onChange). */
	onChange?: (update: Uint8Array, origin: ChangeOrigin) => void;
	/** Presence changed (see RealtimeHooks.onAwareness). */
	onAwareness?: (room: Room, change: AwarenessChange, origin: AwarenessOrigin) => void;
}

/** A frame the server will not act on; its sender is closed with BadMessage and the event logged. */
class RefusedMessageError extends Error {}

/** A peer over one of its budgets; closed with TooManyMessages and logged. */
class OverBudgetError extends Error {}

/** The origin of a change the server makes on behalf of a user (e.g. restoring a version). */
export class ServerChange {
	constructor(readonly authorId: string | null) {}
}

/**
 * The origin of a change or presence update relayed from another process (or re-read from the
 * store to heal a gap): it is delivered to this process's peers and never stored again.
 */
export class RemoteChange {
	constructor(readonly instanceId: string) {}
}

/**
 * One live course document: the Y.Doc, presence (awareness) and the sockets editing it. It speaks
 * the protocol and fans changes out; loading, saving and unloading belong to the RoomRegistry, which
 * stores every applied change through `store` and learns about idleness through `onIdle`. Document
 * content leaves the room only once it is stored: broadcasts and sync replies wait for the write.
 *
 * `refs` counts connections plus reservations: an upgrade reserves the room before the socket exists,
 * so the room cannot be unloaded between authorisation and the first message.
 */
export class Room {
	readonly doc: Y.Doc;
	readonly awareness: awarenessProtocol.Awareness;
	readonly connections = new Set<Connection>();
	private refs = 0;
	/** Which connection set each awareness client id, so one peer cannot overwrite another's presence. */
	private readonly awarenessOwners = new Map<number, Connection>();
	private readonly acceptsPresence: AcceptsPresence;
	/** What a peer with nothing gets (kept until the document changes). */
	private readonly fullState: FullStateFrames;

	constructor(
		readonly courseId: string,
		/**
		 * The stored document: a state and later updates, applied in one transaction; the first
		 * `trustedParts` were written from a guarded document (see compactDoc).
		 */
		stored: { parts: Uint8Array[]; trustedParts: number },
		/** Stores every applied change and says when it is stored (a DocWriter). */
		private readonly store: RoomStore,
		private readonly onIdle: (room: Room) => void,
		private readonly options: RoomOptions = {}
	) {
		this.acceptsPresence = options.acceptsPresence ?? (() => true);
		this.doc = new Y.Doc({ gc: true });
		// Applied one by one rather than merged first: merging would decode and re-encode the whole state.
		// Whatever is stored passes the same guard as live updates, so no old row can wedge the room;
		// a state written from a live (guarded) document is not read twice for it.
		let appliedAsStored = true;
		applyStoredParts(
			this.doc,
			stored.parts,
			(part, problem) => {
				appliedAsStored = false;
				console.warn(`[realtime] course ${courseId}: stored document part ${part + 1} of ${stored.parts.length}: ${problem}`);
			},
			stored.trustedParts
		);
		this.fullState = new FullStateFrames(this.doc, appliedAsStored ? stored.parts : null);
		this.awareness = new awarenessProtocol.Awareness(this.doc);
		this.awareness.setLocalState(null); // the server itself is not present in the document
		this.doc.on('beforeTransaction', this.handleBeforeTransaction);
		this.doc.on('update', this.handleDocUpdate);
		this.awareness.on('update', this.handleAwarenessUpdate);
	}

	get isIdle(): boolean {
		return this.refs === 0;
	}

	/** Keeps the room loaded until the matching release() or until the reserved socket joins and leaves. */
	retain(): void {
		this.refs += 1;
	}

	release(): void {
		this.refs -= 1;
		if (this.refs === 0) this.onIdle(this);
	}

	/** Turns a reservation into a live connection. */
	join(ws: WebSocket, peer: Peer): Connection {
		const connection = new Connection(ws, peer, this.options.budget);
		this.connections.add(connection);
		ws.on('message', (data, isBinary) => this.receive(connection, data, isBinary));
		ws.on('pong', () => {
			connection.alive = true;
		});
		ws.on('error', () => ws.terminate()); // e.g. maxPayload exceeded, ECONNRESET: 'close' follows
		ws.once('close', () => this.leave(connection));
		// The server opens the sync: the client answers with everything the server lacks.
		connection.send(encodeSyncStep1(this.doc));
		if (this.awareness.getStates().size > 0) {
			connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
		}
		return connection;
	}

	/**
	 * Applies a change made by the server itself (not by a connected peer); it is broadcast and stored.
	 * It passes the same guard as a peer's: a bug on our side must not wedge the document either.
	 */
	applyServerChange(update: Uint8Array, authorId: string | null): void {
		const problem = updateProblem(this.doc, update);
		if (problem) throw new Error(`Refused a server change to course ${this.courseId}: ${problem}`);
		Y.applyUpdate(this.doc, update, new ServerChange(authorId));
	}

	/** Applies a change another process has stored: delivered to the peers here, not stored again. */
	applyRemoteChange(update: Uint8Array, instanceId: string): void {
		Y.applyUpdate(this.doc, update, new RemoteChange(instanceId));
	}

	/**
	 * Applies what the store holds (what this room lacks of it reaches its peers as a relayed change),
	 * then asks every peer for what the server lacks: a message from another process was lost, so
	 * anything may be missing on either side.
	 */
	resync(stored: { parts: Uint8Array[]; trustedParts: number }): void {
		this.doc.transact(() => {
			applyStoredParts(
				this.doc,
				stored.parts,
				(part, problem) => console.warn(`[realtime] course ${this.courseId}: re-sync, stored part ${part + 1}: ${problem}`),
				stored.trustedParts
			);
		}, new RemoteChange('store'));
		const ask = encodeSyncStep1(this.doc);
		for (const connection of this.connections) connection.send(ask);
	}

	/** Applies presence relayed from another process. */
	applyRemoteAwareness(update: Uint8Array, instanceId: string): void {
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, new RemoteChange(instanceId));
	}

	/** Removes presence that came from another process (it left, or stopped answering). */
	removeRemoteAwareness(clientIds: number[], instanceId: string): void {
		const present = clientIds.filter((id) => this.awareness.getStates().has(id) && !this.awarenessOwners.has(id));
		if (present.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, present, new RemoteChange(instanceId));
	}

	/** An awareness update for these client ids (a removed one as a null state), leaving out unknown ids. */
	encodeAwareness(clientIds: number[]): Uint8Array {
		return awarenessProtocol.encodeAwarenessUpdate(
			this.awareness,
			clientIds.filter((id) => this.awareness.meta.has(id))
		);
	}

	/** The presence of this process's own peers as one awareness update, or null when there is none. */
	localAwarenessUpdate(): Uint8Array | null {
		const ids = [...this.awarenessOwners.keys()].filter((id) => this.awareness.getStates().has(id));
		return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
	}

	closeConnections(event: CloseEvent, filter: (peer: Peer) => boolean = () => true): number {
		let closed = 0;
		for (const connection of this.connections) {
			if (!filter(connection.peer)) continue;
			connection.close(event);
			closed += 1;
		}
		return closed;
	}

	destroy(): void {
		for (const connection of this.connections) connection.ws.terminate();
		this.doc.off('update', this.handleDocUpdate);
		this.awareness.off('update', this.handleAwarenessUpdate);
		this.awareness.destroy();
		this.doc.destroy();
	}

	private receive(connection: Connection, data: WebSocket.RawData, isBinary: boolean): void {
		if (!this.connections.has(connection)) return;
		const frame = data as Buffer; // ws hands binary frames over as one Buffer (binaryType 'nodebuffer')
		if (!connection.chargeFrame(frame.byteLength)) {
			this.expel(connection, TooManyMessages, 'sent more than its frame budget');
			return;
		}
		try {
			if (!isBinary) throw new MalformedMessageError('text frame');
			// A copy of exactly the frame: lib0 reads lengths through subarrays of the underlying buffer,
			// which for ws may be a larger pooled one, so a lying length would read other bytes.
			this.handleMessage(connection, new Uint8Array(frame));
		} catch (err) {
			// Only this peer is affected; a bug in our own handlers is logged rather than blamed on it.
			if (err instanceof OverBudgetError) {
				this.expel(connection, TooManyMessages, err.message);
			} else if (err instanceof MalformedMessageError || err instanceof RefusedMessageError) {
				this.expel(connection, BadMessage, err.message);
			} else {
				console.error('[realtime] error handling a message:', err);
				this.expel(connection, BadMessage, 'a message the server failed to handle');
			}
		}
	}

	/** Closes one misbehaving peer's socket, logging who and why (never what it sent). */
	private expel(connection: Connection, event: CloseEvent, why: string): void {
		this.connections.delete(connection);
		connection.close(event);
		console.warn(`[realtime] course ${this.courseId}: closed the socket of user ${connection.peer.userId} (${event.code}): ${why}`);
	}

	private handleMessage(connection: Connection, frame: Uint8Array): void {
		const message = decodeClientMessage(frame);
		switch (message.kind) {
			case 'sync-step-1': {
				if (!connection.chargeSyncRequest()) throw new OverBudgetError('asked for the document too often');
				let missing: Uint8Array | null;
				try {
					missing = isEmptyStateVector(message.stateVector) ? null : encodeSyncStep2(this.doc, message.stateVector);
				} catch (err) {
					throw new MalformedMessageError('invalid state vector', { cause: err });
				}
				// A peer with nothing (every page load) gets the frames every such peer gets.
				const reply = missing ? [missing] : this.fullState.get();
				// The reply may hold edits still being written; it goes out once they are stored.
				this.store.afterStored(() => {
					if (!this.connections.has(connection)) return;
					for (const frame of reply) connection.send(frame);
				});
				return;
			}
			case 'doc-update':
				// Read-only peers' edits are dropped here: never applied, so never broadcast or stored.
				if (!connection.peer.canWrite) return;
				this.applyPeerUpdate(connection, message.update);
				return;
			case 'awareness':
				this.receivePresence(connection, message.entries);
				return;
			case 'query-awareness':
				connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
				return;
			case 'heartbeat':
				connection.send(message.frame);
				return;
			case 'ignored':
				return;
		}
	}

	/** Checks a peer's update before any of it touches the document, then applies it. */
	private applyPeerUpdate(connection: Connection, update: Uint8Array): void {
		let problem: string | null;
		try {
			problem = updateProblem(this.doc, update);
		} catch (err) {
			if (err instanceof MalformedUpdateError) throw new MalformedMessageError(err.message, { cause: err });
			throw err;
		}
		if (problem) throw new RefusedMessageError(`refused an update with ${problem}`);
		const locked = connection.peer.lockedKeys ?? [];
		if (locked.length > 0 && changesMapKeys(this.doc, update, locked)) {
			throw new RefusedMessageError(`refused an update to ${locked.map((k) => k.join('.')).join(', ')}, which this peer may not change`);
		}
		try {
			Y.applyUpdate(this.doc, update, connection);
		} catch (err) {
			throw new MalformedMessageError('invalid Yjs update', { cause: err });
		}
	}

	private receivePresence(connection: Connection, entries: AwarenessEntry[]): void {
		if (!this.ownsPresence(connection, entries)) return; // someone else's presence: ignore
		const problem = presenceProblem(entries, connection.peer, connection.awarenessIds, this.acceptsPresence);
		if (problem) {
			// Never relayed; logged once per socket, since a client repeats its state every 15 s.
			if (!connection.presenceWarned) {
				connection.presenceWarned = true;
				console.warn(`[realtime] course ${this.courseId}: dropped presence from user ${connection.peer.userId}: ${problem}`);
			}
			return;
		}
		connection.throttlePresence(entries, (allowed) => {
			if (!this.connections.has(connection) || !this.ownsPresence(connection, allowed)) return;
			awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(allowed), connection);
		});
	}

	private ownsPresence(connection: Connection, entries: AwarenessEntry[]): boolean {
		return entries.every(({ clientId }) => (this.awarenessOwners.get(clientId) ?? connection) === connection);
	}

	private leave(connection: Connection): void {
		this.connections.delete(connection);
		connection.dispose();
		if (connection.awarenessIds.size > 0) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
		}
		this.release();
	}

	// Every change to the document is applied in a transaction of its own, whose origin says who made it.
	private handleBeforeTransaction = (transaction: Y.Transaction): void => {
		this.options.beforeChange?.(changeOriginOf(transaction.origin));
	};

	private handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
		this.fullState.invalidate();
		const changeOrigin = changeOriginOf(origin);
		if (changeOrigin.kind === 'remote') {
			// Stored by the process it came from (or read from the store): only delivered here.
			const frame = encodeDocUpdate(update);
			for (const connection of this.connections) connection.send(frame);
			this.options.onChange?.(update, changeOrigin);
			return;
		}
		const authorId = changeOrigin.kind === 'peer' ? changeOrigin.userId : changeOrigin.authorId;
		this.store.record(update, authorId, () => {
			const frame = encodeDocUpdate(update);
			// The sender already has its own change; everyone else gets the same encoded frame.
			for (const connection of this.connections) {
				if (connection !== origin) connection.send(frame);
			}
			this.options.onChange?.(update, changeOrigin);
		});
	};

	private handleAwarenessUpdate = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	): void => {
		if (origin instanceof Connection) {
			for (const id of added) {
				origin.awarenessIds.add(id);
				this.awarenessOwners.set(id, origin);
			}
		}
		for (const id of removed) {
			this.awarenessOwners.get(id)?.awarenessIds.delete(id);
			this.awarenessOwners.delete(id);
		}
		const changed = [...added, ...updated, ...removed];
		// Echoed to the sender too: y-websocket clients drop a connection that hears nothing for 30 s,
		// and their own periodic awareness renewal is what keeps a lone editor's socket alive.
		const frame = encodeAwareness(this.awareness, changed);
		for (const connection of this.connections) connection.send(frame);
		this.options.onAwareness?.(
			this,
			{ added, updated, removed },
			origin instanceof RemoteChange
				? { kind: 'remote', instanceId: origin.instanceId }
				: origin === 'timeout'
					? { kind: 'expired' }
					: { kind: 'local' }
		);
	};
}

/** Who a transaction on a room's document is by, from the origin the room applied it with. */
function changeOriginOf(origin: unknown): ChangeOrigin {
	if (origin instanceof Connection) return { kind: 'peer', userId: origin.peer.userId };
	if (origin instanceof RemoteChange) return { kind: 'remote', instanceId: origin.instanceId };
	return { kind: 'server', authorId: origin instanceof ServerChange ? origin.authorId : null };
}
