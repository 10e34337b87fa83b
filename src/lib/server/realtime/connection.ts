import WebSocket from 'ws';
import type { CloseEvent } from './close-codes';
import type { AwarenessEntry } from './protocol';
import { TokenBucket } from './token-bucket';
import type { MapKey } from './map-keys';

/** Who is on the other end of a socket, as decided at the upgrade. */
export interface Peer {
	userId: string;
	/** The login session the socket was opened with, so logging out (or its expiry) can close it. */
	sessionId?: string;
	/** The verified display name, for checking what the peer claims in presence. */
	name?: string;
	/** False for read-only peers: their document updates are dropped, their presence is kept. */
	canWrite: boolean;
	/** Root map keys this writer may not change (e.g. a course's languages, which owners set): such an update is refused. */
	lockedKeys?: readonly MapKey[];
}

/**
 * How much one socket may send. Set so that no person comes near it and a script does at once:
 * typing sends a document update and a caret move per keystroke, so even a held-down key at the
 * fastest auto-repeat (~60/s) stays near 130 frames/s, and the browser's heartbeat adds 2/s. A paste
 * or a reconnect's catch-up is one frame, at most maxPayload bytes.
 */
export interface ConnectionBudget {
	frameBurst: number;
	framesPerSecond: number;
	byteBurst: number;
	bytesPerSecond: number;
	/** Presence updates beyond this rate are not dropped but held back and coalesced (latest wins). */
	presenceBurst: number;
	presencePerSecond: number;
	/**
	 * Sync requests (step 1), each answered with an encoding of all the peer lacks, up to the whole
	 * document: a client sends one per connection, a flood of them would make the server encode the
	 * document hundreds of times a second.
	 */
	syncRequestBurst: number;
	syncRequestsPerSecond: number;
}

export const DEFAULT_CONNECTION_BUDGET: ConnectionBudget = {
	frameBurst: 600,
	framesPerSecond: 200,
	byteBurst: 8 * 1024 * 1024, // two frames of the largest size
	bytesPerSecond: 4 * 1024 * 1024,
	presenceBurst: 40,
	presencePerSecond: 20,
	syncRequestBurst: 10,
	syncRequestsPerSecond: 1
};

/** A peer that sends faster than it reads is cut off before its send buffer eats the server's memory. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export class Connection {
	/** Set by each pong; the heartbeat terminates sockets that stayed silent for a whole interval. */
	alive = true;
	/** Awareness client ids this connection controls; removed from presence when it closes. */
	readonly awarenessIds = new Set<number>();
	/** Logged once per connection, however often it repeats the mistake. */
	presenceWarned = false;
	private readonly frames: TokenBucket;
	private readonly bytes: TokenBucket;
	private readonly presence: TokenBucket;
	private readonly syncRequests: TokenBucket;
	/** Presence held back by the rate limit: the latest entry per client id. */
	private readonly heldPresence = new Map<number, AwarenessEntry>();
	private presenceTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		readonly ws: WebSocket,
		readonly peer: Peer,
		budget: ConnectionBudget = DEFAULT_CONNECTION_BUDGET
	) {
		this.frames = new TokenBucket(budget.frameBurst, budget.framesPerSecond);
		this.bytes = new TokenBucket(budget.byteBurst, budget.bytesPerSecond);
		this.presence = new TokenBucket(budget.presenceBurst, budget.presencePerSecond);
		this.syncRequests = new TokenBucket(budget.syncRequestBurst, budget.syncRequestsPerSecond);
	}

	/** Charges one received frame to the budget; false once the peer has sent more than it allows. */
	chargeFrame(byteLength: number): boolean {
		return this.frames.take(1) && this.bytes.take(byteLength);
	}

	/** Charges one sync request; false once the peer asks for the document more often than it allows. */
	chargeSyncRequest(): boolean {
		return this.syncRequests.take(1);
	}

	/**
	 * Passes presence entries to `apply` now, or, over the rate, holds them (replacing older entries
	 * of the same client ids) and applies them all once the rate allows.
	 */
	throttlePresence(entries: AwarenessEntry[], apply: (entries: AwarenessEntry[]) => void): void {
		if (this.heldPresence.size === 0 && this.presence.take(1)) {
			apply(entries);
			return;
		}
		for (const entry of entries) this.heldPresence.set(entry.clientId, entry);
		if (this.presenceTimer) return;
		this.presenceTimer = setTimeout(() => {
			this.presenceTimer = null;
			const held = [...this.heldPresence.values()];
			this.heldPresence.clear();
			this.throttlePresence(held, apply);
		}, Math.ceil(this.presence.waitMs(1)));
	}

	send(frame: Uint8Array): void {
		if (this.ws.readyState !== WebSocket.OPEN) return;
		if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
			this.ws.terminate();
			return;
		}
		this.ws.send(frame);
	}

	close(event: CloseEvent): void {
		this.dispose();
		if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
			this.ws.close(event.code, event.reason);
		}
	}

	/** Drops held presence: nothing of a closed connection may be applied later. */
	dispose(): void {
		if (this.presenceTimer) clearTimeout(this.presenceTimer);
		this.presenceTimer = null;
		this.heldPresence.clear();
	}
}
