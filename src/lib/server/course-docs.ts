import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import type { Database } from './db/types';
import { liveServer } from './live';
import { appendDocUpdate, loadDocState } from './realtime/persistence';

/** The course document as it is now: the live room's state when the realtime server has it, else the stored one. */
export async function currentCourseDoc(db: Kysely<Database>, courseId: string): Promise<Y.Doc> {
	const state = (await liveServer()?.snapshot(courseId)) ?? (await loadDocState(db, courseId));
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return doc;
}

/**
 * Changes a course document from the server as a new change on top of what is there (nothing stored
 * is rewritten). Goes through the live room when the realtime server runs, so everyone editing sees
 * it at once; otherwise it is appended to the stored document.
 */
export async function changeCourseDoc(
	db: Kysely<Database>,
	courseId: string,
	authorId: string,
	change: (doc: Y.Doc) => void
): Promise<void> {
	const doc = await currentCourseDoc(db, courseId);
	try {
		const before = Y.encodeStateVector(doc);
		change(doc);
		await applyCourseDocUpdate(db, courseId, Y.encodeStateAsUpdate(doc, before), authorId);
	} finally {
		doc.destroy();
	}
}

/** Adds an update made on the server to a course document: through the live room when one runs, else to storage. */
export async function applyCourseDocUpdate(
	db: Kysely<Database>,
	courseId: string,
	update: Uint8Array,
	authorId: string
): Promise<void> {
	const live = liveServer();
	if (live) await live.applyServerUpdate(courseId, update, authorId);
	else await appendDocUpdate(db, courseId, update, [authorId]);
}
