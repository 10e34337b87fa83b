import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Our one addition to the y-websocket protocol (the server's realtime/protocol.ts answers it): a frame
 * `[4, seq]` that the server sends straight back to the socket it came from.
 */
export const HEARTBEAT_MESSAGE = 4;

export interface WatchTuning {
	/** Probe a connection that has been quiet this long. */
	idleMs: number;
	/** A probe unanswered this long means the connection is gone, whatever the socket says. */
	timeoutMs: number;
	/** How often the watch looks. */
	tickMs: number;
	/** After a local edit, confirm it this soon (edits in between share one probe). */
	confirmEditMs: number;
}

// The browser can keep a socket "open" for ~30 s after the network is gone, and y-websocket only gives
// up after 30 s of silence. Probing a quiet connection every ~0.7 s and giving up after 1.8 s puts the
// worst case for noticing a dead link at about 2.5 s; a probe is 3 bytes.
const HIDDEN_IDLE_MS = 10_000;

export const DEFAULT_WATCH_TUNING: WatchTuning = { idleMs: 500, timeoutMs: 1600, tickMs: 150, confirmEditMs: 80 };

/**
 * Knows two things y-websocket does not tell: whether the connection still carries messages, and
 * which local edits the server has received. Both come from the heartbeat: the server answers probes
 * in order after every frame sent before them, so an answer to probe n confirms each edit made before
 * probe n was sent.
 */
export class ConnectionWatch {
	#seq = 0;
	#outstanding: { seq: number; sentAt: number } | null = null;
	/** Local edits counted up; the server has received all edits up to #confirmedEdit. */
	#edits = 0;
	#confirmedEdit = 0;
	/** For each probe in flight, the edit count when it was sent. */
	#editsAtProbe = new Map<number, number>();
	#timer: ReturnType<typeof setInterval>;
	#confirmTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly provider: WebsocketProvider,
		private readonly events: { onLost: () => void; onChange: () => void },
		private readonly tuning: WatchTuning = DEFAULT_WATCH_TUNING
	) {
		provider.messageHandlers[HEARTBEAT_MESSAGE] = (_encoder, decoder) => this.#answered(decoding.readVarUint(decoder));
		this.#timer = setInterval(() => this.#tick(), tuning.tickMs);
	}

	/** Local edits the server has not confirmed yet. */
	get unsent(): boolean {
		return this.#edits > this.#confirmedEdit;
	}

	/** A local edit was made (and, when connected, sent): confirm it shortly. */
	recordEdit(): void {
		this.#edits += 1;
		this.events.onChange();
		if (this.provider.wsconnected && !this.#confirmTimer) {
			this.#confirmTimer = setTimeout(() => {
				this.#confirmTimer = null;
				this.probe();
			}, this.tuning.confirmEditMs);
		}
	}

	/** Sends a probe now (e.g. right after a sync, to confirm edits sent during it). */
	probe(): void {
		const ws = this.provider.ws;
		if (!this.provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
		const seq = ++this.#seq;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, HEARTBEAT_MESSAGE);
		encoding.writeVarUint(encoder, seq);
		ws.send(encoding.toUint8Array(encoder));
		this.#editsAtProbe.set(seq, this.#edits);
		this.#outstanding ??= { seq, sentAt: Date.now() };
	}

	/** The socket closed: probes in flight will never be answered. */
	reset(): void {
		this.#outstanding = null;
		this.#editsAtProbe.clear();
	}

	destroy(): void {
		clearInterval(this.#timer);
		if (this.#confirmTimer) clearTimeout(this.#confirmTimer);
	}

	#answered(seq: number): void {
		const edits = this.#editsAtProbe.get(seq);
		for (const pending of this.#editsAtProbe.keys()) if (pending <= seq) this.#editsAtProbe.delete(pending);
		if (this.#outstanding && this.#outstanding.seq <= seq) this.#outstanding = null;
		if (edits !== undefined && edits > this.#confirmedEdit) {
			this.#confirmedEdit = edits;
			this.events.onChange();
		}
	}

	#tick(): void {
		if (!this.provider.wsconnected) return;
		const now = Date.now();
		if (this.#outstanding && now - this.#outstanding.sentAt > this.tuning.timeoutMs) {
			this.reset();
			this.events.onLost();
			return;
		}
		// A tab in the background needs no second-by-second honesty: probe it rarely.
		const idleMs = document.visibilityState === 'hidden' ? HIDDEN_IDLE_MS : this.tuning.idleMs;
		if (!this.#outstanding && now - this.provider.wsLastMessageReceived >= idleMs) this.probe();
	}
}
