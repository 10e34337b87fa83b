import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import type { AccessChange, AwarenessChange, AwarenessOrigin, ChangeOrigin, LiveRooms, RealtimeExtension } from '../hooks';
import type { SignalTopic } from '../protocol';
import type { Room } from '../room';
import { decodeClusterMessage, decodeDocFrame, encodeClusterMessage, encodeDocFrame, type ClusterMessage, type DocFrame } from './wire';

export interface RelayTuning {
	/** How often each process says it is alive (with its update sequence numbers). */
	heartbeatMs: number;
	/** A process not heard from for this long is taken for dead: its peers' presence is removed. */
	deadAfterMs: number;
	/** How long loading a room waits for its subscription when Redis is slow or down. */
	subscribeTimeoutMs: number;
}

const MAX_FRAMES_WHILE_LOADING = 1000;

export const DEFAULT_RELAY_TUNING: RelayTuning = { heartbeatMs: 2_000, deadAfterMs: 7_000, subscribeTimeoutMs: 2_000 };

export interface RedisRelayOptions {
	url: string;
	/** Channel names start with it, so several deployments may share one Redis. */
	prefix?: string;
	instanceId?: string;
	tuning?: Partial<RelayTuning>;
}

/**
 * Relays live documents between app processes through Redis pub/sub, as an extension on the
 * realtime server's hooks. PostgreSQL stays the one durable store:
 *
 * - Each process stores only its own peers' changes, and publishes a change only once it is stored,
 *   so whatever another process receives is already in the database. Relayed changes are applied with
 *   a remote origin: delivered to the peers here, never stored again.
 * - Loading a room subscribes to its channel before the stored document is read, so a change is
 *   either in what was read or arrives on the channel.
 * - Every change carries its sender's sequence number for the course, and heartbeats repeat the last
 *   one; a receiver that sees a number skipped re-reads the document from the database and asks its
 *   own peers for what it lacks (Yjs applies what it already has as a no-op). The same re-sync runs
 *   for every open room when the connection to Redis comes back.
 * - Presence is relayed with its removals; a process that stops sending heartbeats (killed) has its
 *   peers' presence removed everywhere after `deadAfterMs`, one that shuts down says bye.
 * - Comment signals and access changes (as data) go to every process.
 */
export class RedisRelay implements RealtimeExtension {
	readonly instanceId: string;
	private readonly prefix: string;
	private readonly tuning: RelayTuning;
	private readonly publisher: RedisClientType;
	private readonly subscriber: RedisClientType;
	private rooms: LiveRooms | null = null;
	/** Per loaded course, this process's load of it (epoch) and how many updates it sent since. */
	private readonly sentSeq = new Map<string, { epoch: number; seq: number }>();
	private loads = 0;
	/** Per course, the last [epoch, sequence number] heard from each other process. */
	private readonly heardSeq = new Map<string, Map<string, { epoch: number; seq: number }>>();
	/** Per course, the awareness client ids each other process speaks for. */
	private readonly remotePresence = new Map<string, Map<string, Set<number>>>();
	private readonly lastHeard = new Map<string, number>();
	private readonly subscriptions = new Map<string, Promise<void>>();
	/**
	 * Frames that arrived while their room was loading (subscribed, stored document being read): an
	 * edit committed after the read began is not in what it returns, so it is applied once the room exists.
	 */
	private readonly arrivedWhileLoading = new Map<string, Buffer[]>();
	private readonly resyncWhenLoaded = new Set<string>();
	private readonly resyncs = new Map<string, Promise<void>>();
	private readonly resyncAgain = new Set<string>();
	private heartbeat: ReturnType<typeof setInterval> | null = null;
	private connectedOnce = false;
	private outage = false;
	private closed = false;

	constructor(options: RedisRelayOptions) {
		this.instanceId = options.instanceId ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
		this.prefix = options.prefix ?? 'co-course';
		this.tuning = { ...DEFAULT_RELAY_TUNING, ...options.tuning };
		const reconnectStrategy = (retries: number) => Math.min(100 * 2 ** retries, 2_000);
		// Without an offline queue a publish fails at once while Redis is away, instead of piling up every
		// keystroke in memory; what it would have carried is healed by the re-sync after reconnecting.
		this.publisher = createClient({ url: options.url, disableOfflineQueue: true, socket: { reconnectStrategy } });
		// The subscriber keeps its queue: a subscription asked for during an outage is made on reconnect.
		this.subscriber = createClient({ url: options.url, socket: { reconnectStrategy } });
		for (const [name, client] of [
			['publisher', this.publisher],
			['subscriber', this.subscriber]
		] as const) {
			client.on('error', (err: Error) => this.reportOutage(name, err));
		}
		this.subscriber.on('ready', () => this.onSubscriberReady());
	}

	/**
	 * Connects to Redis; resolves once both connections are up, or after `waitMs` with the relay still
	 * trying in the background (a process that cannot reach Redis keeps serving its own peers, and
	 * heals its rooms once it can).
	 */
	async connect(waitMs = 10_000): Promise<boolean> {
		const connected = Promise.all([this.publisher.connect(), this.subscriber.connect()]).then(() => true);
		connected.catch(() => {}); // reported through the 'error' listeners
		const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), waitMs).unref());
		const ok = await Promise.race([connected, timeout]);
		if (!ok) console.error(`[relay] Redis is not reachable yet; this process serves its own peers until it is`);
		return ok;
	}

	start(rooms: LiveRooms): void {
		this.rooms = rooms;
		void this.subscriber
			.subscribe(this.clusterChannel(), (message) => this.receiveCluster(message))
			.catch((err) => console.error('[relay] subscribing to the cluster channel failed:', errorMessage(err)));
		this.heartbeat = setInterval(() => this.beat(), this.tuning.heartbeatMs);
		this.heartbeat.unref();
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		if (this.heartbeat) clearInterval(this.heartbeat);
		await this.publishCluster({ type: 'bye', instanceId: this.instanceId });
		await Promise.allSettled([this.publisher.close(), this.subscriber.close()]);
	}

	// --- hooks -------------------------------------------------------------------------------------

	beforeLoad(courseId: string): Promise<void> {
		let subscribed = this.subscriptions.get(courseId);
		if (!subscribed) {
			subscribed = this.subscriber.subscribe(this.docChannel(courseId), (message) => this.receiveDoc(courseId, message), true);
			subscribed.catch((err) => console.error(`[relay] subscribing to course ${courseId} failed:`, errorMessage(err)));
			this.subscriptions.set(courseId, subscribed);
		}
		// Redis down: the room opens anyway; the re-sync after reconnecting brings in what it missed.
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.tuning.subscribeTimeoutMs)));
		return Promise.race([subscribed.catch(() => {}), timeout]).finally(() => clearTimeout(timer));
	}

	onLoaded(courseId: string): void {
		const arrived = this.arrivedWhileLoading.get(courseId) ?? [];
		this.arrivedWhileLoading.delete(courseId);
		for (const message of arrived) this.receiveDoc(courseId, message);
		if (this.resyncWhenLoaded.delete(courseId)) this.resync(courseId);
		this.publishDoc(courseId, { kind: 'query-awareness', instanceId: this.instanceId });
	}

	onChange(courseId: string, update: Uint8Array, origin: ChangeOrigin): void {
		if (origin.kind === 'remote') return;
		let sent = this.sentSeq.get(courseId);
		if (!sent) this.sentSeq.set(courseId, (sent = { epoch: ++this.loads, seq: 0 }));
		sent.seq += 1;
		this.publishDoc(courseId, { kind: 'update', instanceId: this.instanceId, epoch: sent.epoch, seq: sent.seq, update });
	}

	onAwareness(courseId: string, room: Room, change: AwarenessChange, origin: AwarenessOrigin): void {
		if (origin.kind === 'remote') {
			this.trackRemotePresence(courseId, origin.instanceId, change);
			return;
		}
		if (origin.kind === 'expired') return; // every process expires what it holds by itself
		const ids = [...change.added, ...change.updated, ...change.removed];
		if (ids.length === 0) return;
		const update = room.encodeAwareness(ids);
		this.publishDoc(courseId, { kind: 'awareness', instanceId: this.instanceId, update });
	}

	onUnloaded(courseId: string): void {
		this.arrivedWhileLoading.delete(courseId);
		this.resyncWhenLoaded.delete(courseId);
		this.sentSeq.delete(courseId);
		this.heardSeq.delete(courseId);
		this.remotePresence.delete(courseId);
		this.subscriptions.delete(courseId);
		void this.subscriber.unsubscribe(this.docChannel(courseId)).catch(() => {});
	}

	onSignal(courseId: string, topic: SignalTopic): void {
		this.publishDoc(courseId, { kind: 'signal', instanceId: this.instanceId, topic });
	}

	onAccessChange(change: AccessChange): void {
		void this.publishCluster({ type: 'access', instanceId: this.instanceId, change });
	}

	// --- receiving ---------------------------------------------------------------------------------

	private receiveDoc(courseId: string, message: Buffer): void {
		let frame: DocFrame;
		try {
			frame = decodeDocFrame(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
		} catch (err) {
			console.warn(`[relay] course ${courseId}: dropped a malformed frame: ${errorMessage(err)}`);
			return;
		}
		if (frame.instanceId === this.instanceId) return;
		this.lastHeard.set(frame.instanceId, Date.now());
		const room = this.rooms?.room(courseId);
		if (!room) {
			// Still loading (or just unloaded, then nobody takes it: onUnloaded dropped the subscription).
			if (this.subscriptions.has(courseId)) {
				const arrived = this.arrivedWhileLoading.get(courseId) ?? [];
				// Bounded (a load that failed leaves its subscription): past that, re-read once loaded.
				if (arrived.length < MAX_FRAMES_WHILE_LOADING) arrived.push(message);
				else this.resyncWhenLoaded.add(courseId);
				this.arrivedWhileLoading.set(courseId, arrived);
			}
			return;
		}
		switch (frame.kind) {
			case 'update': {
				const gap = this.noteSeq(courseId, frame.instanceId, frame.epoch, frame.seq);
				if (gap) console.warn(`[relay] course ${courseId}: an update from ${frame.instanceId} was missed; re-syncing`);
				try {
					room.applyRemoteChange(frame.update, frame.instanceId);
				} catch (err) {
					console.warn(`[relay] course ${courseId}: a relayed update failed to apply (${errorMessage(err)}); re-syncing`);
					this.resync(courseId);
					return;
				}
				if (gap) this.resync(courseId);
				return;
			}
			case 'awareness':
				try {
					room.applyRemoteAwareness(frame.update, frame.instanceId);
				} catch (err) {
					console.warn(`[relay] course ${courseId}: dropped relayed presence: ${errorMessage(err)}`);
				}
				return;
			case 'query-awareness': {
				const update = room.localAwarenessUpdate();
				if (update) this.publishDoc(courseId, { kind: 'awareness', instanceId: this.instanceId, update });
				return;
			}
			case 'signal':
				this.rooms?.signalLocally(courseId, frame.topic);
				return;
		}
	}

	private receiveCluster(text: string): void {
		const message = decodeClusterMessage(text);
		if (!message) {
			console.warn('[relay] dropped a malformed cluster message');
			return;
		}
		if (message.instanceId === this.instanceId) return;
		switch (message.type) {
			case 'heartbeat':
				this.lastHeard.set(message.instanceId, Date.now());
				for (const [courseId, sent] of Object.entries(message.seqs)) {
					if (!Array.isArray(sent) || typeof sent[0] !== 'number' || typeof sent[1] !== 'number') continue;
					if (!this.rooms?.room(courseId)) continue;
					if (this.noteSeq(courseId, message.instanceId, sent[0], sent[1], true)) {
						console.warn(`[relay] course ${courseId}: the last update from ${message.instanceId} was missed; re-syncing`);
						this.resync(courseId);
					}
				}
				return;
			case 'bye':
				this.forgetInstance(message.instanceId);
				return;
			case 'access':
				this.rooms?.applyAccessChange(message.change);
				return;
		}
	}

	/**
	 * Records a sequence number heard from `instanceId`; true when numbers were skipped. The first
	 * number heard of a course (or of a new load of it there) is the baseline: what came before it is
	 * in the stored document read when the room was loaded. A heartbeat repeats the last number sent,
	 * so it may equal the last heard.
	 */
	private noteSeq(courseId: string, instanceId: string, epoch: number, seq: number, repeated = false): boolean {
		let heard = this.heardSeq.get(courseId);
		if (!heard) this.heardSeq.set(courseId, (heard = new Map()));
		const last = heard.get(instanceId);
		if (!last || last.epoch !== epoch) {
			heard.set(instanceId, { epoch, seq });
			return false;
		}
		const previous = last.seq;
		if (seq > previous) last.seq = seq;
		return repeated ? seq > previous : seq > previous + 1;
	}

	private trackRemotePresence(courseId: string, instanceId: string, change: AwarenessChange): void {
		let byInstance = this.remotePresence.get(courseId);
		if (!byInstance) this.remotePresence.set(courseId, (byInstance = new Map()));
		let ids = byInstance.get(instanceId);
		if (!ids) byInstance.set(instanceId, (ids = new Set()));
		for (const id of [...change.added, ...change.updated]) ids.add(id);
		for (const id of change.removed) for (const set of byInstance.values()) set.delete(id);
	}

	/** Removes the presence of a process that left or stopped answering, in every open room. */
	private forgetInstance(instanceId: string): void {
		this.lastHeard.delete(instanceId);
		for (const [courseId, byInstance] of this.remotePresence) {
			const ids = byInstance.get(instanceId);
			byInstance.delete(instanceId);
			if (ids && ids.size > 0) this.rooms?.room(courseId)?.removeRemoteAwareness([...ids], instanceId);
		}
	}

	// --- healing -----------------------------------------------------------------------------------

	/** Re-reads a course from the store and asks its peers here for what the room lacks (coalesced). */
	private resync(courseId: string): void {
		if (this.resyncs.has(courseId)) {
			this.resyncAgain.add(courseId);
			return;
		}
		const run = (async () => {
			try {
				const stored = await this.rooms!.readStored(courseId);
				this.rooms!.room(courseId)?.resync(stored);
			} catch (err) {
				console.error(`[relay] re-syncing course ${courseId} failed:`, errorMessage(err));
			}
		})().finally(() => {
			this.resyncs.delete(courseId);
			if (this.resyncAgain.delete(courseId)) this.resync(courseId);
		});
		this.resyncs.set(courseId, run);
	}

	private onSubscriberReady(): void {
		if (!this.connectedOnce) {
			this.connectedOnce = true;
			return;
		}
		// Resubscribed (node-redis does that before 'ready'): anything sent meanwhile may be lost.
		console.log('[relay] Redis is back: re-syncing every open document');
		this.outage = false;
		for (const room of this.rooms?.rooms() ?? []) {
			this.resync(room.courseId);
			this.publishDoc(room.courseId, { kind: 'query-awareness', instanceId: this.instanceId });
			const update = room.localAwarenessUpdate();
			if (update) this.publishDoc(room.courseId, { kind: 'awareness', instanceId: this.instanceId, update });
		}
	}

	private beat(): void {
		const seqs: Record<string, [number, number]> = {};
		for (const [courseId, { epoch, seq }] of this.sentSeq) seqs[courseId] = [epoch, seq];
		void this.publishCluster({ type: 'heartbeat', instanceId: this.instanceId, seqs });
		const deadline = Date.now() - this.tuning.deadAfterMs;
		for (const [instanceId, heardAt] of this.lastHeard) if (heardAt < deadline) this.forgetInstance(instanceId);
	}

	// --- sending -----------------------------------------------------------------------------------

	private publishDoc(courseId: string, frame: DocFrame): void {
		if (this.closed || !this.publisher.isReady) return; // the re-sync after reconnecting heals it
		this.publisher.publish(this.docChannel(courseId), encodeDocFrame(frame)).catch((err) => this.reportOutage('publisher', err));
	}

	private async publishCluster(message: ClusterMessage): Promise<void> {
		if (!this.publisher.isReady) return;
		try {
			await this.publisher.publish(this.clusterChannel(), encodeClusterMessage(message));
		} catch (err) {
			this.reportOutage('publisher', err);
		}
	}

	/** Logged once per outage, not once per keystroke. */
	private reportOutage(client: string, err: unknown): void {
		if (this.outage || this.closed) return;
		this.outage = true;
		console.error(`[relay] lost Redis (${client}: ${errorMessage(err)}); reconnecting, rooms are re-synced when it is back`);
	}

	private docChannel(courseId: string): string {
		return `${this.prefix}:doc:${courseId}`;
	}

	private clusterChannel(): string {
		return `${this.prefix}:cluster`;
	}
}

function errorMessage(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}
