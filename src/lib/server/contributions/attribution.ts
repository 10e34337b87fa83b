import { sql, type Kysely } from 'kysely';
import type * as Y from 'yjs';
import { diffSpecs } from '$lib/course-spec/diff';
import { docToSpec } from '$lib/course-spec/doc';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';
import type { ChangeOrigin } from '../realtime/hooks';

/** A field someone changed: its key, and the list item it belongs to ('' outside lists). */
export interface FieldTouch {
	field: string;
	itemId: string;
}

/** The fields and items that differ between two specs (an added or deleted item counts for the list). */
export function touchedFields(before: CourseSpec, after: CourseSpec): FieldTouch[] {
	const touches: FieldTouch[] = [];
	for (const section of diffSpecs(before, after).sections) {
		for (const field of section.fields) {
			if (field.change.kind !== 'list') {
				if (field.status === 'changed') touches.push({ field: field.key, itemId: '' });
				continue;
			}
			for (const item of field.change.items) {
				if (item.status === 'added' || item.status === 'removed' || item.moved) touches.push({ field: field.key, itemId: item.id });
				for (const inner of item.fields) if (inner.status === 'changed') touches.push({ field: inner.key, itemId: item.id });
			}
		}
	}
	return touches;
}

/** Changes by one person in a row are compared with the baseline together, at most this long after the first. */
export const ATTRIBUTION_WINDOW_MS = 1_000;

/** Who a change is credited to: a person, or nobody (a change without a user, or one another process credits). */
type Credit = string | null;

interface Window {
	doc: Y.Doc;
	credit: Credit;
	timer: ReturnType<typeof setTimeout>;
}

/**
 * Records who changed which field of a live document: the spec is compared with the one before (or
 * when the room was loaded), and the person who made the changes is credited with one edit of every
 * field that changed. Kept in its own table, so attribution outlives compaction, which folds update
 * rows and their authors away.
 *
 * Deriving and comparing the spec takes a while for a big course, and someone typing makes ten
 * changes a second, so one person's changes in a row are compared together, a second after the
 * first (ATTRIBUTION_WINDOW_MS). Just before anyone else's change is applied, the document is
 * compared as it stands, so two people typing at once are each credited with their own changes only.
 * Changes relayed from another process are credited there; here they only move the baseline on.
 * Changes of the last second are not credited if the process is killed (the edits themselves are stored).
 */
export function createAttributionRecorder(db: Kysely<Database>, windowMs = ATTRIBUTION_WINDOW_MS) {
	const baselines = new Map<string, CourseSpec>();
	const windows = new Map<string, Window>();

	/** Compares the document with the baseline now and credits the window's person with what changed. */
	const close = (courseId: string) => {
		const window = windows.get(courseId);
		if (!window) return;
		windows.delete(courseId);
		clearTimeout(window.timer);
		const before = baselines.get(courseId);
		if (!before || window.doc.isDestroyed) return;
		const after = docToSpec(window.doc);
		baselines.set(courseId, after);
		if (window.credit === null) return;
		const touches = touchedFields(before, after);
		if (touches.length === 0) return;
		void recordFieldEdits(db, courseId, [window.credit], touches).catch((err) =>
			console.error(`[contributions] recording edits of ${courseId} failed:`, err instanceof Error ? err.message : err)
		);
	};
	return {
		roomLoaded(courseId: string, doc: Y.Doc): void {
			baselines.set(courseId, docToSpec(doc));
		},
		/** The realtime server's beforeChange hook: `doc` does not hold this change yet. */
		beforeChange(courseId: string, origin: ChangeOrigin, doc: Y.Doc): void {
			if (!baselines.has(courseId)) return;
			const credit = creditOf(origin);
			const open = windows.get(courseId);
			if (open?.credit === credit) return;
			close(courseId);
			const timer = setTimeout(() => close(courseId), windowMs);
			timer.unref?.();
			windows.set(courseId, { doc, credit, timer });
		},
		/** The last person left: credit what is open while the document is still there, then forget the course. */
		roomIdle(courseId: string): void {
			close(courseId);
			baselines.delete(courseId);
		}
	};
}

function creditOf(origin: ChangeOrigin): Credit {
	switch (origin.kind) {
		case 'peer':
			return origin.userId;
		case 'server':
			return origin.authorId;
		case 'remote':
			return null;
	}
}

/**
 * A person's work on a field counts as one edit until they leave it alone this long: every stored batch
 * of typing is a keystroke or two, and "69 edits" for writing two outcomes says nothing to a reader.
 */
export const EDIT_SESSION_GAP_MINUTES = 10;

export async function recordFieldEdits(db: Kysely<Database>, courseId: string, authorIds: readonly string[], touches: FieldTouch[]): Promise<void> {
	// Authors who have since left the team (or never were on it, such as a suggestion's author whose
	// account is gone) still count: the foreign key only needs the account to exist.
	await db
		.insertInto('course_field_edits')
		.values(authorIds.flatMap((userId) => touches.map((t) => ({ course_id: courseId, user_id: userId, field_key: t.field, item_id: t.itemId, edits: 1 }))))
		.onConflict((oc) =>
			oc.columns(['course_id', 'user_id', 'field_key', 'item_id']).doUpdateSet({
				edits: sql`course_field_edits.edits + case when course_field_edits.last_edited_at < now() - make_interval(mins => ${sql.lit(EDIT_SESSION_GAP_MINUTES)}) then 1 else 0 end`,
				last_edited_at: sql`now()`
			})
		)
		.execute();
}
