import { sql, type Kysely } from 'kysely';

// "Co-created with N students and M company partners" on the public page, when the owner chooses.
// The choice is the course's (it can be withdrawn at any time, for every version); the figure is the
// version's, counted when it is published and frozen with it like the rest of the version (the
// immutability trigger of 0007 covers the new columns). Versions published before have no figure.
// One statement per call: Kysely's PGlite driver sends each as one statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('courses')
		.addColumn('show_co_creation', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
		.execute();
	await db.schema
		.alterTable('published_versions')
		.addColumn('co_created_students', 'integer', (c) => c.check(sql`co_created_students >= 0`))
		.execute();
	await db.schema
		.alterTable('published_versions')
		.addColumn('co_created_partners', 'integer', (c) => c.check(sql`co_created_partners >= 0`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('published_versions').dropColumn('co_created_partners').execute();
	await db.schema.alterTable('published_versions').dropColumn('co_created_students').execute();
	await db.schema.alterTable('courses').dropColumn('show_co_creation').execute();
}
