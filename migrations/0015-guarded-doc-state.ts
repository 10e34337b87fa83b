import type { Kysely } from 'kysely';

// Whether a course's compacted state was written from the live room's document, whose every part has
// passed the realtime guard: such a state is applied as it is when the course opens, instead of being
// read once by the guard and again by Yjs. Existing rows keep false and are checked as before; the
// next compaction of a live room marks its row.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('course_doc_state')
		.addColumn('guarded', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('course_doc_state').dropColumn('guarded').execute();
}
