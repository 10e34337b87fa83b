import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { Database } from '../db/types';
import { compactDoc, readStoredDoc, type StoredDoc, type UpdateRow } from './persistence';
import { applyStoredParts } from './update-guard';
import { UpdateAppender } from './update-appender';

export type { StoredDoc, UpdateRow } from './persistence';

/**
 * Where the realtime server keeps course documents. The realtime code reaches storage only through
 * this interface, so the rooms do not know which database (or which process) is behind it.
 */
export interface DocumentStore {
	/** The stored document as its parts (state first, then later updates), read in one snapshot. */
	read(courseId: string): Promise<StoredDoc>;
	/** Appends one update row; resolves once it is durably committed. */
	append(row: UpdateRow): Promise<void>;
	/**
	 * Folds stored update rows into the state row; `live` is the loaded room's document, which may be
	 * encoded instead of merging what is stored (see compactDoc). Returns how many rows were folded.
	 */
	compact(courseId: string, live?: Y.Doc): Promise<number>;
}

/**
 * The PostgreSQL / PGlite store: today's persistence, with appends of all rooms group-committed and
 * compactions one at a time.
 *
 * Rooms that load together (a restart, a bench's next step) are all past their compaction threshold
 * together, and each compaction is a transaction that reads, merges and rewrites a document. Run side
 * by side they queue on the database ahead of every room's appends (the embedded database runs one
 * statement at a time), and so ahead of every delivery, which waits for its append: 40 at once held
 * deliveries up for 200 ms. One at a time, an append waits for one compaction at most.
 */
export function createDatabaseDocumentStore(db: Kysely<Database>): DocumentStore {
	const appender = new UpdateAppender(db);
	let compactions: Promise<unknown> = Promise.resolve();
	return {
		read: (courseId) => readStoredDoc(db, courseId),
		append: (row) => appender.append(row),
		compact(courseId, live) {
			// The room may have been unloaded while this compaction waited: then merge what is stored.
			const turn = compactions.then(() => compactDoc(db, courseId, live && !live.isDestroyed ? live : undefined));
			compactions = turn.catch(() => {});
			return turn;
		}
	};
}

/** A Yjs (v1) update that contains nothing. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** A stored document as one update, built through a guarded document (as loadDocState does). */
export async function readDocState(store: DocumentStore, courseId: string): Promise<Uint8Array> {
	const { parts, trustedParts } = await store.read(courseId);
	if (parts.length === 0) return EMPTY_UPDATE;
	const doc = new Y.Doc();
	try {
		applyStoredParts(doc, parts, (part, problem) => warnStoredPart(courseId, part, parts.length, problem), trustedParts);
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

export function warnStoredPart(courseId: string, part: number, of: number, problem: string): void {
	console.warn(`[realtime] course ${courseId}: stored document part ${part + 1} of ${of}: ${problem}`);
}
