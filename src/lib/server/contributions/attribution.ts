import { sql, type Kysely } from 'kysely';
import type * as Y from 'yjs';
import { diffSpecs } from '$lib/course-spec/diff';
import { docToSpec } from '$lib/course-spec/doc';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';

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

/**
 * Records who changed which field, batch by batch as the realtime server stores edits: the spec of
 * the stored document is compared with the one at the previous batch (or when the room was loaded),
 * and each author of the batch is credited with one edit of every field that changed. Kept in its
 * own table, so attribution outlives compaction, which folds update rows and their authors away.
 * Several authors in one 50–200 ms batch share its fields: close enough to say who took part where.
 */
export function createAttributionRecorder(db: Kysely<Database>) {
	const baselines = new Map<string, CourseSpec>();
	const movedOn = new Map<string, Y.Doc>();
	const moveBaselines = () => {
		for (const [courseId, doc] of movedOn) if (!doc.isDestroyed && baselines.has(courseId)) baselines.set(courseId, docToSpec(doc));
		movedOn.clear();
	};
	return {
		roomLoaded(courseId: string, doc: Y.Doc): void {
			baselines.set(courseId, docToSpec(doc));
		},
		recordEdits(courseId: string, doc: Y.Doc, authorIds: readonly string[]): void {
			const before = baselines.get(courseId);
			const after = docToSpec(doc);
			baselines.set(courseId, after);
			if (!before || authorIds.length === 0) return;
			const touches = touchedFields(before, after);
			if (touches.length === 0) return;
			void recordFieldEdits(db, courseId, authorIds, touches).catch((err) =>
				console.error(`[contributions] recording edits of ${courseId} failed:`, err instanceof Error ? err.message : err)
			);
		},
		/**
		 * Another process relayed edits (with several processes): it credits its own people, so the
		 * baseline moves past them and the next batch stored here is not credited with them. Re-read
		 * once per turn of the event loop (docToSpec takes milliseconds), however many arrived in it.
		 */
		remoteEdits(courseId: string, doc: Y.Doc): void {
			if (movedOn.size === 0) setImmediate(moveBaselines);
			movedOn.set(courseId, doc);
		},
		roomIdle(courseId: string): void {
			baselines.delete(courseId);
			movedOn.delete(courseId);
		}
	};
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
