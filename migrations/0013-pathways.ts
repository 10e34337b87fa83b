import { sql, type Kysely } from 'kysely';

// Stackable pathways: a coordinator groups published courses into a larger whole (all parts, or N of
// M). A part names the course, not a version: the pathway always shows each part's latest published
// version, and a retired course stays in the pathway marked as retired.
// One statement per call: Kysely's PGlite driver sends each as one statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('pathways')
		.addColumn('id', 'text', (c) => c.primaryKey())
		// The public address /p/<slug>; fixed once the pathway has been published, so links keep working.
		.addColumn('slug', 'text', (c) => c.notNull().unique().check(sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60`))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		// The language the title and description are written in (BCP 47), for the page and the exports.
		.addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
		.addColumn('requirement', 'text', (c) => c.notNull().defaultTo('all').check(sql`requirement in ('all', 'some')`))
		.addColumn('required_count', 'integer', (c) => c.check(sql`required_count is null or required_count >= 1`))
		// Set while the pathway is public; first_published_at stays once set (it fixes the slug).
		.addColumn('published_at', 'timestamptz')
		.addColumn('first_published_at', 'timestamptz')
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('pathways_required_count', sql`(requirement = 'some') = (required_count is not null)`)
		.execute();

	await db.schema
		.createTable('pathway_parts')
		.addColumn('pathway_id', 'text', (c) => c.notNull().references('pathways.id').onDelete('cascade'))
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('pathway_parts_pkey', ['pathway_id', 'course_id'])
		.execute();
	// "Which pathways is this course part of" is asked by every course page.
	await db.schema.createIndex('pathway_parts_course_idx').on('pathway_parts').column('course_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('pathway_parts').execute();
	await db.schema.dropTable('pathways').execute();
}
