import * as Y from 'yjs';
import type { LiveContext } from './live-context';
import { appendDocUpdate, loadDocState } from './realtime/persistence';

/** The course document as it is now: the live room's state when the realtime server has it, else the stored one. */
export async function currentCourseDoc({ db, live }: LiveContext, courseId: string): Promise<Y.Doc> {
	const state = live ? await live.snapshot(courseId) : await loadDocState(db, courseId);
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
	ctx: LiveContext,
	courseId: string,
	authorId: string,
	change: (doc: Y.Doc) => void
): Promise<void> {
	const doc = await currentCourseDoc(ctx, courseId);
	try {
		const before = Y.encodeStateVector(doc);
		change(doc);
		await applyCourseDocUpdate(ctx, courseId, Y.encodeStateAsUpdate(doc, before), authorId);
	} finally {
		doc.destroy();
	}
}

/** Adds an update made on the server to a course document: through the live room when one runs, else to storage. */
export async function applyCourseDocUpdate(
	{ db, live }: LiveContext,
	courseId: string,
	update: Uint8Array,
	authorId: string
): Promise<void> {
	if (live) await live.applyServerUpdate(courseId, update, authorId);
	else await appendDocUpdate(db, courseId, update, [authorId]);
}
