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

/** The PostgreSQL / PGlite store: today's persistence, with appends of all rooms group-committed. */
export function createDatabaseDocumentStore(db: Kysely<Database>): DocumentStore {
	const appender = new UpdateAppender(db);
	return {
		read: (courseId) => readStoredDoc(db, courseId),
		append: (row) => appender.append(row),
		compact: (courseId, live) => compactDoc(db, courseId, live)
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
