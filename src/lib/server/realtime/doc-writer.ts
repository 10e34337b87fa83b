import * as Y from 'yjs';
import type { DocumentStore } from './document-store';

export interface WriterTuning {
	/**
	 * Compact once about this many update rows, or this many bytes of them, have piled up. Each
	 * document draws its row threshold anew after every compaction, between half of this and this,
	 * so that rooms opened and edited together do not all compact in the same instant.
	 */
	compactAfterRows: number;
	compactAfterBytes: number;
	/**
	 * When a room unloads with at least this many update rows stored since the last compaction, they
	 * are folded first: the next open then reads one state instead of applying hundreds of rows. Not
	 * fewer: folding re-encodes the whole document on the event loop, which for a 1 MiB course costs
	 * more than applying a few dozen small rows at the next open saves (and stalls every socket while
	 * it runs).
	 */
	compactOnUnloadRows: number;
}

export const DEFAULT_WRITER_TUNING: WriterTuning = {
	compactAfterRows: 400,
	compactAfterBytes: 4 * 1024 * 1024,
	compactOnUnloadRows: 100
};

const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 30_000;

/** Sends an applied update on to the peers; called once the update is stored (or storing failed). */
export type Delivery = () => void;

interface Batch {
	updates: Uint8Array[];
	authors: Set<string>;
	/** Run once the batch is stored: the broadcasts of its updates and anything else waiting on them. */
	deliveries: Delivery[];
}

const emptyBatch = (): Batch => ({ updates: [], authors: new Set(), deliveries: [] });

/**
 * Writes one course document's edits to the database with group commit, and hands each edit to the
 * other peers only once it is stored.
 *
 * An edit is written as soon as it arrives. While a write is in flight, the edits that arrive collect
 * and go together in the following write, so a busy room costs one row per database round trip, not
 * one per keystroke, and nothing waits on a timer (the rows of all rooms share statements too: see
 * UpdateAppender). Because peers (and sync replies to newcomers)
 * get an edit only after its row is committed, an edit anyone but its author has seen survives a
 * kill -9 of the server: there is no window in which it exists only in this process's memory.
 *
 * If a write fails, the document stays in memory, its batch goes back in front of the queue and is
 * retried with backoff; its edits are delivered anyway (and so is everything that arrives while the
 * database is failing), so people keep working together, and durability falls back to the clients,
 * which re-send what the server lacks when they reconnect (sync step 1 in both directions).
 */
export class DocWriter {
	private queued: Batch = emptyBatch();
	private inFlight: Batch | null = null;
	private writing: Promise<void> | null = null;
	private compacting: Promise<void> | null = null;
	private retryTimer: ReturnType<typeof setTimeout> | null = null;
	private startScheduled = false;
	private failures = 0;
	private stopped = false;
	private compactThreshold: number;

	constructor(
		/** Shared by every room of the process (its appends of all rooms are grouped into few statements). */
		private readonly store: DocumentStore,
		private readonly courseId: string,
		private readonly tuning: WriterTuning,
		/** Update rows already stored since the last compaction. */
		private storedRows: number,
		private storedBytes: number,
		/** Told after each batch is durably stored, with the batch's authors (the app keeps course metadata in step). */
		private readonly onStored: (authorIds: readonly string[]) => void = () => {},
		/** The room's document, so compaction can encode it instead of merging what is stored. */
		private readonly liveDoc: () => Y.Doc | undefined = () => undefined
	) {
		this.compactThreshold = drawThreshold(tuning.compactAfterRows);
	}

	/** True while some recorded edit is not yet durably stored. */
	get hasPending(): boolean {
		return this.queued.updates.length > 0 || this.writing !== null;
	}

	/**
	 * Queues an edit for the next write and `deliver` for when it is stored. `authorId` is null for
	 * changes without a user.
	 */
	record(update: Uint8Array, authorId: string | null, deliver: Delivery): void {
		this.queued.updates.push(update);
		if (authorId) this.queued.authors.add(authorId);
		if (this.failures > 0 || this.stopped) {
			// The database is failing (a retry is scheduled) or we are shutting down: do not hold peers up.
			deliver();
			return;
		}
		this.queued.deliveries.push(deliver);
		this.startSoon();
	}

	/** Runs `fn` once every edit recorded so far is stored (at once if there is none). */
	afterStored(fn: Delivery): void {
		if (this.queued.updates.length > 0 && this.failures === 0 && !this.stopped) this.queued.deliveries.push(fn);
		else if (this.inFlight) this.inFlight.deliveries.push(fn);
		else fn();
	}

	/**
	 * Writes everything recorded so far (waiting for a write in progress first). Rejects if the
	 * database write fails; the edits then stay queued and a retry is scheduled.
	 */
	async flush(): Promise<void> {
		this.clearRetry();
		while (this.writing) await this.writing.catch(() => {});
		if (this.queued.updates.length > 0) await this.startWrite();
		while (this.writing) await this.writing;
		await this.compacting;
	}

	/** Folds the stored rows into the state before the room unloads, if there are enough to be worth it. */
	async compactBeforeUnload(): Promise<void> {
		if (this.storedRows >= this.tuning.compactOnUnloadRows) this.startCompaction();
		await this.compacting;
	}

	/** Stops automatic writes: from now on only explicit flush() calls write (used at shutdown and unload). */
	stop(): void {
		this.stopped = true;
		this.clearRetry();
	}

	/**
	 * Starts the write once the current turn of the event loop is done, so that the frames read from
	 * the sockets in the same turn share it. setImmediate is not a delay: it runs as soon as I/O is polled.
	 */
	private startSoon(): void {
		if (this.writing || this.startScheduled) return;
		this.startScheduled = true;
		setImmediate(() => {
			this.startScheduled = false;
			if (this.writing || this.stopped || this.failures > 0 || this.queued.updates.length === 0) return;
			this.startWrite().catch((err) => {
				console.error(`[realtime] saving course ${this.courseId} failed (will retry):`, errorMessage(err));
			});
		});
	}

	private startWrite(): Promise<void> {
		const batch = this.queued;
		this.queued = emptyBatch();
		this.inFlight = batch;
		const writing = this.write(batch).finally(() => {
			this.inFlight = null;
			this.writing = null;
			// What collected during this write goes next, at once.
			if (this.queued.updates.length > 0 && !this.stopped && this.failures === 0) this.startSoon();
		});
		this.writing = writing;
		return writing;
	}

	private async write(batch: Batch): Promise<void> {
		const update = batch.updates.length === 1 ? batch.updates[0] : Y.mergeUpdates(batch.updates);
		const authors = [...batch.authors];
		try {
			await this.store.append({ courseId: this.courseId, update, authorIds: authors });
		} catch (err) {
			// Back in front of anything that arrived meanwhile; delivered now (see the class comment).
			this.queued.updates.unshift(update);
			for (const author of authors) this.queued.authors.add(author);
			const waiting = [...batch.deliveries, ...this.queued.deliveries];
			this.queued.deliveries = [];
			this.failures += 1;
			if (!this.stopped) this.scheduleRetry(Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (this.failures - 1)));
			deliverAll(waiting);
			throw err;
		}
		this.failures = 0;
		deliverAll(batch.deliveries);
		this.onStored(authors);
		this.storedRows += 1;
		this.storedBytes += update.byteLength;
		if (this.storedRows >= this.compactThreshold || this.storedBytes >= this.tuning.compactAfterBytes) this.startCompaction();
	}

	/** One compaction at a time per document; a second request while one runs joins it. */
	private startCompaction(): void {
		this.compacting ??= this.compact().finally(() => {
			this.compacting = null;
		});
	}

	/** Runs beside the appends: it deletes exactly the rows it folded, so rows written meanwhile stay. */
	private async compact(): Promise<void> {
		const rows = this.storedRows;
		const bytes = this.storedBytes;
		try {
			await this.store.compact(this.courseId, this.liveDoc());
			this.storedRows -= rows;
			this.storedBytes -= bytes;
			this.compactThreshold = drawThreshold(this.tuning.compactAfterRows);
		} catch (err) {
			// Nothing is lost: the update rows stay and the next write tries again.
			console.error(`[realtime] compacting course ${this.courseId} failed:`, errorMessage(err));
		}
	}

	private scheduleRetry(delayMs: number): void {
		this.clearRetry();
		this.retryTimer = setTimeout(() => {
			this.retryTimer = null;
			this.flush().catch((err) => {
				console.error(`[realtime] saving course ${this.courseId} failed (will retry):`, errorMessage(err));
			});
		}, delayMs);
	}

	private clearRetry(): void {
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = null;
	}
}

/** A row threshold between half of `rows` and `rows` (at least 1). */
function drawThreshold(rows: number): number {
	return Math.max(1, Math.ceil(rows * (0.5 + Math.random() * 0.5)));
}

function deliverAll(deliveries: Delivery[]): void {
	for (const deliver of deliveries) {
		try {
			deliver();
		} catch (err) {
			console.error('[realtime] delivering an update failed:', errorMessage(err));
		}
	}
}

function errorMessage(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}
