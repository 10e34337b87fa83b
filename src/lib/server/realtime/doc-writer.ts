import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { Database } from '../db/types';
import { appendDocUpdate, compactDoc } from './persistence';

export interface WriterTuning {
	/** Quiet time after the last edit before a batch is written. */
	batchDebounceMs: number;
	/** Ceiling: no edit waits longer than this for its write to start, however busy the room is. */
	batchMaxWaitMs: number;
	/** Compact once this many update rows, or this many bytes of them, have piled up. */
	compactAfterRows: number;
	compactAfterBytes: number;
}

export const DEFAULT_WRITER_TUNING: WriterTuning = {
	batchDebounceMs: 50,
	batchMaxWaitMs: 200,
	compactAfterRows: 100,
	compactAfterBytes: 4 * 1024 * 1024
};

const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * Writes one course document's edits to the database in short batches.
 *
 * Why batching cannot lose an acknowledged edit: y-websocket has no per-update acknowledgement. A
 * client keeps its whole document locally, and every (re)connect starts with sync step 1 in both
 * directions, so the client answers the server's state vector with every change the server lacks.
 * If the process dies inside the batching window (≤ batchMaxWaitMs plus one write), the edits of
 * that window are re-sent by the clients that made them as soon as they reconnect to the restarted
 * server. The window is kept short so that only a client that vanished in the same instant as the
 * server could take an edit with it.
 *
 * Habits from hocuspocus/Outline: one write at a time per document; the batch is taken (dirty state
 * cleared) before writing, so edits arriving during the write form the next batch; on failure the
 * batch goes back into the queue, the document stays in memory and the write is retried with backoff.
 */
export class DocWriter {
	private queue: Uint8Array[] = [];
	private authors = new Set<string>();
	private firstQueuedAt: number | null = null;
	private timer: ReturnType<typeof setTimeout> | null = null;
	private writing: Promise<void> | null = null;
	private failures = 0;
	private stopped = false;

	constructor(
		private readonly db: Kysely<Database>,
		private readonly courseId: string,
		private readonly tuning: WriterTuning,
		/** Update rows already stored since the last compaction. */
		private storedRows: number,
		private storedBytes: number,
		/** Told after each batch is durably stored, with the batch's authors (the app keeps course metadata in step). */
		private readonly onStored: (authorIds: readonly string[]) => void = () => {}
	) {}

	/** True while some recorded edit is not yet durably stored. */
	get hasPending(): boolean {
		return this.queue.length > 0 || this.writing !== null;
	}

	/** Queues an edit for the next batch. `authorId` is null for changes without a user. */
	record(update: Uint8Array, authorId: string | null): void {
		this.queue.push(update);
		if (authorId) this.authors.add(authorId);
		const now = Date.now();
		this.firstQueuedAt ??= now;
		if (this.failures > 0 || this.stopped) return; // a retry is already scheduled, or flush() drives it
		const ceiling = this.firstQueuedAt + this.tuning.batchMaxWaitMs - now;
		this.schedule(Math.max(0, Math.min(this.tuning.batchDebounceMs, ceiling)));
	}

	/**
	 * Writes everything recorded so far (waiting for a write in progress first). Rejects if the
	 * database write fails; the edits then stay queued and a retry is scheduled.
	 */
	async flush(): Promise<void> {
		this.clearTimer();
		while (this.writing) await this.writing.catch(() => {});
		if (this.queue.length === 0) return;
		const batch = this.queue;
		const authors = [...this.authors];
		this.queue = [];
		this.authors = new Set();
		this.firstQueuedAt = null;
		this.writing = this.write(batch, authors).finally(() => {
			this.writing = null;
		});
		await this.writing;
	}

	/** Stops timers: from now on only explicit flush() calls write (used at shutdown and unload). */
	stop(): void {
		this.stopped = true;
		this.clearTimer();
	}

	private async write(batch: Uint8Array[], authors: string[]): Promise<void> {
		const update = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch);
		try {
			await appendDocUpdate(this.db, this.courseId, update, authors);
		} catch (err) {
			// Put the batch back in front of anything that arrived meanwhile and try again later.
			this.queue.unshift(update);
			for (const author of authors) this.authors.add(author);
			this.firstQueuedAt ??= Date.now();
			this.failures += 1;
			if (!this.stopped) this.schedule(Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (this.failures - 1)));
			throw err;
		}
		this.failures = 0;
		this.onStored(authors);
		this.storedRows += 1;
		this.storedBytes += update.byteLength;
		if (this.storedRows >= this.tuning.compactAfterRows || this.storedBytes >= this.tuning.compactAfterBytes) {
			await this.compact();
		}
	}

	private async compact(): Promise<void> {
		try {
			await compactDoc(this.db, this.courseId);
			this.storedRows = 0;
			this.storedBytes = 0;
		} catch (err) {
			// Nothing is lost: the update rows stay and the next write tries again.
			console.error(`[realtime] compacting course ${this.courseId} failed:`, errorMessage(err));
		}
	}

	private schedule(delayMs: number): void {
		this.clearTimer();
		this.timer = setTimeout(() => {
			this.timer = null;
			this.flush().catch((err) => {
				console.error(`[realtime] saving course ${this.courseId} failed (will retry):`, errorMessage(err));
			});
		}, delayMs);
	}

	private clearTimer(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
	}
}

function errorMessage(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}
