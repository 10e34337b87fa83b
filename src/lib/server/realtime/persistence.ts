import { sql, type Kysely } from 'kysely';
import * as Y from 'yjs';
import type { Database } from '../db/types';

/**
 * Storage of course documents: appended update rows plus at most one compacted state row per course.
 * Works the same on PostgreSQL and PGlite (bytea arrives as Buffer from pg and as Uint8Array from
 * PGlite; both are Uint8Arrays, which is all Yjs needs).
 */

/** A Yjs (v1) update that contains nothing: the state of a document nobody has written to. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** Compaction folds at most this many rows per transaction, keeping the `in (...)` list bounded. */
const COMPACT_BATCH_ROWS = 5000;

export interface StoredDoc {
	/** The whole document as one update. */
	state: Uint8Array;
	/** Update rows not yet compacted, and their size: the writer uses them to decide when to compact. */
	updateRows: number;
	updateBytes: number;
}

/** Reads a course document from the database: the compacted state merged with every later update. */
export async function readStoredDoc(db: Kysely<Database>, courseId: string): Promise<StoredDoc> {
	// One statement, so state and updates come from one snapshot: reading them separately could miss
	// rows that a compaction (e.g. in another process) folds into the state between the two reads.
	const rows = await db
		.selectFrom('course_doc_state')
		.select([sql<boolean>`true`.as('is_state'), 'state as data'])
		.where('course_id', '=', courseId)
		.unionAll(
			db
				.selectFrom('course_doc_updates')
				.select([sql<boolean>`false`.as('is_state'), 'update as data'])
				.where('course_id', '=', courseId)
		)
		.execute();
	const parts = rows.map((row) => row.data);
	const updates = rows.filter((row) => !row.is_state);
	return {
		state: parts.length === 0 ? EMPTY_UPDATE : parts.length === 1 ? parts[0] : Y.mergeUpdates(parts),
		updateRows: updates.length,
		updateBytes: updates.reduce((sum, row) => sum + row.data.byteLength, 0)
	};
}

/**
 * The stored state of a course document as one Yjs update. It lacks edits still inside the live
 * room's batching window; use the realtime server's `snapshot()` when the room may be loaded.
 */
export async function loadDocState(db: Kysely<Database>, courseId: string): Promise<Uint8Array> {
	return (await readStoredDoc(db, courseId)).state;
}

/** Appends one update row; `authorIds` are the users whose edits it contains. */
export async function appendDocUpdate(
	db: Kysely<Database>,
	courseId: string,
	update: Uint8Array,
	authorIds: string[]
): Promise<void> {
	await db
		.insertInto('course_doc_updates')
		.values({ course_id: courseId, update, author_ids: authorIds })
		.execute();
}

/**
 * Folds update rows into the state row. One transaction: a crash at any point leaves either the old
 * rows or the new state, never neither. The state row is locked first, so two compactions of the same
 * course (e.g. from two processes) run one after the other instead of overwriting each other.
 * Returns how many rows were folded.
 */
export async function compactDoc(db: Kysely<Database>, courseId: string): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await trx
			.insertInto('course_doc_state')
			.values({ course_id: courseId, state: EMPTY_UPDATE })
			.onConflict((oc) => oc.column('course_id').doNothing())
			.execute();
		const current = await trx
			.selectFrom('course_doc_state')
			.select('state')
			.where('course_id', '=', courseId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		const rows = await trx
			.selectFrom('course_doc_updates')
			.select(['id', 'update'])
			.where('course_id', '=', courseId)
			.orderBy('id')
			.limit(COMPACT_BATCH_ROWS)
			.execute();
		if (rows.length === 0) return 0;
		const state = Y.mergeUpdates([current.state, ...rows.map((row) => row.update)]);
		await trx
			.updateTable('course_doc_state')
			.set({ state, compacted_at: new Date() })
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
