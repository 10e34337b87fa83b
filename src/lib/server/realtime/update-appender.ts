import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { appendDocUpdates, type UpdateRow } from './persistence';

/** One statement carries at most this many rows or bytes; the rest go in the next one. */
const MAX_ROWS = 500;
const MAX_BYTES = 8 * 1024 * 1024;

interface Waiting {
	row: UpdateRow;
	resolve(): void;
	reject(err: unknown): void;
}

/**
 * Group commit across every room of the process: appends that arrive while one INSERT is in flight
 * go together in the next, as one multi-row statement. With a hundred rooms each typing ten edits a
 * second, the database sees a few statements per round trip rather than a thousand a second, which
 * is what keeps the embedded database (one session, one statement at a time) from queueing.
 *
 * A failed multi-row statement is retried row by row, so one course whose rows cannot be written
 * (e.g. deleted meanwhile) fails alone and never holds up the others.
 */
export class UpdateAppender {
	private queue: Waiting[] = [];
	private running = false;

	constructor(private readonly db: Kysely<Database>) {}

	/** Resolves once the row is committed. */
	append(row: UpdateRow): Promise<void> {
		return new Promise<void>((resolve, reject) => {
			this.queue.push({ row, resolve, reject });
			if (!this.running) {
				this.running = true;
				// After the current turn, so that the frames read from the sockets in this turn share it.
				setImmediate(() => void this.drain());
			}
		});
	}

	private async drain(): Promise<void> {
		while (this.queue.length > 0) {
			const batch = this.take();
			try {
				await appendDocUpdates(this.db, batch.map((waiting) => waiting.row));
				for (const waiting of batch) waiting.resolve();
			} catch (err) {
				if (batch.length === 1) batch[0].reject(err);
				else await this.oneByOne(batch);
			}
		}
		this.running = false;
	}

	private take(): Waiting[] {
		let bytes = 0;
		let count = 0;
		while (count < this.queue.length && count < MAX_ROWS) {
			bytes += this.queue[count].row.update.byteLength;
			if (count > 0 && bytes > MAX_BYTES) break;
			count += 1;
		}
		return this.queue.splice(0, count);
	}

	private async oneByOne(batch: Waiting[]): Promise<void> {
		for (const waiting of batch) {
			try {
				await appendDocUpdates(this.db, [waiting.row]);
				waiting.resolve();
			} catch (err) {
				waiting.reject(err);
			}
		}
	}
}
