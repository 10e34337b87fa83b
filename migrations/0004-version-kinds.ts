import { sql, type Kysely } from 'kysely';

// Versions of more than one kind: besides the ones people name (every existing row), the server
// keeps automatic snapshots after bursts of editing, the state just before a restore, and a record
// of each restore. Automatic snapshots have no name and no one who saved them, but the people whose
// edits they contain. One statement per call: Kysely's PGlite driver sends each as one statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('course_versions')
		.addColumn('kind', 'text', (c) =>
			c.notNull().defaultTo('named').check(sql`kind in ('named', 'automatic', 'before_restore', 'restore')`)
		)
		.execute();
	// Automatic snapshots: user ids of the people whose edits they collect.
	await db.schema
		.alterTable('course_versions')
		.addColumn('participants', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
		.execute();
	// For a restore and for the state kept just before it: the number of the version brought back.
	await db.schema.alterTable('course_versions').addColumn('restored_from', 'integer').execute();
	await db.schema.alterTable('course_versions').alterColumn('name', (c) => c.dropNotNull()).execute();
	await db.schema.alterTable('course_versions').alterColumn('created_by', (c) => c.dropNotNull()).execute();
	await db.schema
		.alterTable('course_versions')
		.addCheckConstraint('course_versions_named_has_name', sql`kind <> 'named' or (name is not null and created_by is not null)`)
		.execute();
	await db.schema
		.alterTable('course_versions')
		.addCheckConstraint('course_versions_restore_has_source', sql`(kind in ('restore', 'before_restore')) = (restored_from is not null)`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.deleteFrom('course_versions').where('kind', '<>', 'named').execute();
	await db.schema.alterTable('course_versions').dropConstraint('course_versions_restore_has_source').execute();
	await db.schema.alterTable('course_versions').dropConstraint('course_versions_named_has_name').execute();
	await db.schema.alterTable('course_versions').alterColumn('created_by', (c) => c.setNotNull()).execute();
	await db.schema.alterTable('course_versions').alterColumn('name', (c) => c.setNotNull()).execute();
	await db.schema.alterTable('course_versions').dropColumn('restored_from').execute();
	await db.schema.alterTable('course_versions').dropColumn('participants').execute();
	await db.schema.alterTable('course_versions').dropColumn('kind').execute();
}
