import { sql, type Kysely, type RawBuilder } from 'kysely';
import * as Y from 'yjs';
import type { Database } from '../db/types';
import { applyStoredParts } from './update-guard';

/**
 * Storage of course documents: appended update rows plus at most one compacted state row per course.
 *
 * Document bytes cross the driver as base64 text (`encode`/`decode` in SQL, Buffer in Node), not as
 * raw bytea: PGlite 0.5 converts bytea to and from hex one byte at a time in JavaScript, which costs
 * ~250 ms to write and ~90 ms to read a 1 MiB document on the event loop that serves every socket
 * (measured; base64 takes ~20 ms and ~8 ms). It also gives one code path for pg (Buffer) and PGlite
 * (Uint8Array).
 */

/** A Yjs (v1) update that contains nothing: the state of a document nobody has written to. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** Compaction folds at most this many rows per transaction, keeping the `in (...)` list bounded. */
const COMPACT_BATCH_ROWS = 5000;

function toSqlBytes(bytes: Uint8Array): RawBuilder<Uint8Array> {
	const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
	return sql<Uint8Array>`decode(${base64}, 'base64')`;
}

function base64Of(column: 'state' | 'update'): RawBuilder<string> {
	return sql<string>`encode(${sql.ref(column)}, 'base64')`;
}

function fromBase64(text: string): Uint8Array {
	const buffer = Buffer.from(text, 'base64'); // ignores the line breaks PostgreSQL inserts
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export interface StoredDoc {
	/** The compacted state (if any) followed by every later update; apply them all to get the document. */
	parts: Uint8Array[];
	/** How many of the first parts are known to be safe (a guarded state row: 0 or 1). */
	trustedParts: number;
	/** Update rows not yet compacted, and their size: the writer uses them to decide when to compact. */
	updateRows: number;
	updateBytes: number;
}

/** Reads a course document from the database as its stored parts. */
export async function readStoredDoc(db: Kysely<Database>, courseId: string): Promise<StoredDoc> {
	// One statement, so state and updates come from one snapshot: reading them separately could miss
	// rows that a compaction (e.g. in another process) folds into the state between the two reads.
	// The state row comes first (kind 2 when guarded, 1 when not), then the update rows (kind 0).
	const rows = await db
		.selectFrom('course_doc_state')
		.select([sql<number>`case when guarded then 2 else 1 end`.as('kind'), base64Of('state').as('data')])
		.where('course_id', '=', courseId)
		.unionAll(
			db
				.selectFrom('course_doc_updates')
				.select([sql<number>`0`.as('kind'), base64Of('update').as('data')])
				.where('course_id', '=', courseId)
		)
		.execute();
	const state = rows.filter((row) => Number(row.kind) > 0);
	const updates = rows.filter((row) => Number(row.kind) === 0);
	const parts = [...state, ...updates].map((row) => fromBase64(row.data));
	const updateBytes = parts.slice(state.length).reduce((sum, part) => sum + part.byteLength, 0);
	const trustedParts = state.length === 1 && Number(state[0].kind) === 2 ? 1 : 0;
	return { parts, trustedParts, updateRows: updates.length, updateBytes };
}

/**
 * The stored state of a course document as one Yjs update. It lacks edits still inside the live
 * room's batching window; use the realtime server's `snapshot()` when the room may be loaded.
 * Built through a document with the live room's guard, so that the state handed to versions and
 * exports never carries content that would overflow the stack of whoever encodes it next.
 */
export async function loadDocState(db: Kysely<Database>, courseId: string): Promise<Uint8Array> {
	const { parts, trustedParts } = await readStoredDoc(db, courseId);
	if (parts.length === 0) return EMPTY_UPDATE;
	const doc = new Y.Doc();
	try {
		applyStoredParts(
			doc,
			parts,
			(part, problem) => {
				console.warn(`[realtime] course ${courseId}: stored document part ${part + 1} of ${parts.length}: ${problem}`);
			},
			trustedParts
		);
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

/**
 * Stored parts as one update. Merging re-encodes every value recursively; a row written before the
 * live guard existed can be too deep for that, and then the parts are folded through a guarded
 * document instead, which leaves the unsafe content out, so compaction heals such a course.
 */
function mergeStoredParts(courseId: string, parts: Uint8Array[]): Uint8Array {
	try {
		return Y.mergeUpdates(parts);
	} catch {
		const doc = new Y.Doc();
		try {
			applyStoredParts(doc, parts, (part, problem) => {
				console.warn(`[realtime] course ${courseId}: compacting, part ${part + 1} of ${parts.length}: ${problem}`);
			});
			return Y.encodeStateAsUpdate(doc);
		} finally {
			doc.destroy();
		}
	}
}

export interface UpdateRow {
	courseId: string;
	update: Uint8Array;
	/** The users whose edits the update contains. */
	authorIds: string[];
}

/** Appends one update row; `authorIds` are the users whose edits it contains. */
export async function appendDocUpdate(
	db: Kysely<Database>,
	courseId: string,
	update: Uint8Array,
	authorIds: string[]
): Promise<void> {
	await appendDocUpdates(db, [{ courseId, update, authorIds }]);
}

/** Appends update rows (of any courses) in one statement. */
export async function appendDocUpdates(db: Kysely<Database>, rows: readonly UpdateRow[]): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('course_doc_updates')
		.values(rows.map((row) => ({ course_id: row.courseId, update: toSqlBytes(row.update), author_ids: row.authorIds })))
		.execute();
}

/**
 * Folds update rows into the state row. One transaction: a crash at any point leaves either the old
 * rows or the new state, never neither. The state row is locked first, so two compactions of the same
 * course (e.g. from two processes) run one after the other instead of overwriting each other.
 * Returns how many rows were folded.
 *
 * With `live`, the document of the course's loaded room: when it already holds the stored state and
 * every row (as it does for rows its own writer stored), the new state is simply that document
 * encoded, without decoding and merging what is stored; and since everything in a live document
 * has passed the guard, the row is marked guarded. Anything it does not hold (a row from elsewhere)
 * sends the compaction down the merging path instead.
 */
export async function compactDoc(db: Kysely<Database>, courseId: string, live?: Y.Doc): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await trx
			.insertInto('course_doc_state')
			.values({ course_id: courseId, state: toSqlBytes(EMPTY_UPDATE) })
			.onConflict((oc) => oc.column('course_id').doNothing())
			.execute();
		const current = await trx
			.selectFrom('course_doc_state')
			.select(base64Of('state').as('state'))
			.where('course_id', '=', courseId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		const rows = await trx
			.selectFrom('course_doc_updates')
			.select(['id', base64Of('update').as('update')])
			.where('course_id', '=', courseId)
			.orderBy('id')
			.limit(COMPACT_BATCH_ROWS)
			.execute();
		if (rows.length === 0) return 0;
		const parts = [fromBase64(current.state), ...rows.map((row) => fromBase64(row.update))];
		const fromLive = live !== undefined && holdsAll(live, parts);
		const state = fromLive ? Y.encodeStateAsUpdate(live) : mergeStoredParts(courseId, parts);
		await trx
			.updateTable('course_doc_state')
			.set({ state: toSqlBytes(state), compacted_at: new Date(), guarded: fromLive })
			.where('course_id', '=', courseId)
			.execute();
		// Delete exactly the rows that were read: a row committed meanwhile by another writer stays.
		await trx
			.deleteFrom('course_doc_updates')
			.where('course_id', '=', courseId)
			.where(
				'id',
				'in',
				rows.map((row) => row.id)
			)
			.execute();
		return rows.length;
	});
}

/** Whether `doc` already contains every insertion and deletion of these updates. */
function holdsAll(doc: Y.Doc, updates: Uint8Array[]): boolean {
	const snapshot = Y.snapshot(doc);
	try {
		return updates.every((update) => Y.snapshotContainsUpdate(snapshot, update));
	} catch {
		return false; // an unreadable part: let the merging path deal with it
	}
}
