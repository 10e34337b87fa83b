import WebSocket from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { BadMessage, type CloseEvent } from './close-codes';
import {
	decodeClientMessage,
	encodeAwareness,
	encodeDocUpdate,
	encodeSyncStep1,
	encodeSyncStep2,
	MalformedMessageError
} from './protocol';

/** Who is on the other end of a socket, as decided at the upgrade. */
export interface Peer {
	userId: string;
	/** The login session the socket was opened with, so logging out can close it. */
	sessionId?: string;
	/** The verified display name, for checking what the peer claims in presence. */
	name?: string;
	/** False for read-only peers: their document updates are dropped, their presence is kept. */
	canWrite: boolean;
}

/** A peer that sends faster than it reads is cut off before its send buffer eats the server's memory. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export class Connection {
	/** Set by each pong; the heartbeat terminates sockets that stayed silent for a whole interval. */
	alive = true;
	/** Awareness client ids this connection controls; removed from presence when it closes. */
	readonly awarenessIds = new Set<number>();

	constructor(
		readonly ws: WebSocket,
		readonly peer: Peer
	) {}

	send(frame: Uint8Array): void {
		if (this.ws.readyState !== WebSocket.OPEN) return;
		if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
			this.ws.terminate();
			return;
		}
		this.ws.send(frame);
	}

	close(event: CloseEvent): void {
		if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
			this.ws.close(event.code, event.reason);
		}
	}
}

/** The origin of a change the server makes on behalf of a user (e.g. restoring a version). */
export class ServerChange {
	constructor(readonly authorId: string | null) {}
}

/**
 * One live course document: the Y.Doc, presence (awareness) and the sockets editing it. It speaks
 * the protocol and fans changes out; loading, saving and unloading belong to the RoomRegistry, which
 * learns about every applied change through `onChange` and about idleness through `onIdle`.
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

	constructor(
		readonly courseId: string,
		/** The stored document: a state and later updates, applied in one transaction. */
		storedParts: Uint8Array[],
		private readonly onChange: (update: Uint8Array, authorId: string | null) => void,
		private readonly onIdle: (room: Room) => void,
		/** Whether a peer may publish this presence state (e.g. it must not claim another person). */
		private readonly acceptsPresence: (peer: Peer, state: unknown) => boolean = () => true
	) {
		this.doc = new Y.Doc({ gc: true });
		// Applied one by one rather than merged first: merging would decode and re-encode the whole state.
		this.doc.transact(() => {
			for (const part of storedParts) Y.applyUpdate(this.doc, part);
		});
		this.awareness = new awarenessProtocol.Awareness(this.doc);
		this.awareness.setLocalState(null); // the server itself is not present in the document
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
		const connection = new Connection(ws, peer);
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

	/** Applies a change made by the server itself (not by a connected peer); it is broadcast and stored. */
	applyServerChange(update: Uint8Array, authorId: string | null): void {
		Y.applyUpdate(this.doc, update, new ServerChange(authorId));
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
		try {
			if (!isBinary) throw new MalformedMessageError('text frame');
			// ws hands binary frames over as one Buffer (binaryType 'nodebuffer', the default).
			this.handleMessage(connection, data as Buffer);
		} catch (err) {
			// Only this peer is affected; a bug in our own handlers is logged rather than blamed on it.
			if (!(err instanceof MalformedMessageError)) console.error('[realtime] error handling a message:', err);
			this.connections.delete(connection);
			connection.close(BadMessage);
		}
	}

	private handleMessage(connection: Connection, frame: Uint8Array): void {
		const message = decodeClientMessage(frame);
		switch (message.kind) {
			case 'sync-step-1': {
				let reply: Uint8Array;
				try {
					reply = encodeSyncStep2(this.doc, message.stateVector);
				} catch (err) {
					throw new MalformedMessageError('invalid state vector', { cause: err });
				}
				connection.send(reply);
				return;
			}
			case 'doc-update':
				// Read-only peers' edits are dropped here: never applied, so never broadcast or stored.
				if (!connection.peer.canWrite) return;
				try {
					Y.applyUpdate(this.doc, message.update, connection);
				} catch (err) {
					throw new MalformedMessageError('invalid Yjs update', { cause: err });
				}
				return;
			case 'awareness':
				for (const id of message.clientIds) {
					const owner = this.awarenessOwners.get(id);
					if (owner && owner !== connection) return; // someone else's presence: ignore
				}
				// A presence that claims somebody else is dropped whole, like someone else's.
				if (!message.states.every((state) => state === null || this.acceptsPresence(connection.peer, state))) return;
				awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, connection);
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

	private leave(connection: Connection): void {
		this.connections.delete(connection);
		if (connection.awarenessIds.size > 0) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
		}
		this.release();
	}

	private handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
		const frame = encodeDocUpdate(update);
		// The sender already has its own change; everyone else gets the same encoded frame.
		for (const connection of this.connections) {
			if (connection !== origin) connection.send(frame);
		}
		const authorId =
			origin instanceof Connection ? origin.peer.userId : origin instanceof ServerChange ? origin.authorId : null;
		this.onChange(update, authorId);
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
	};
}
