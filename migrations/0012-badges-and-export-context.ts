import { sql, type Kysely } from 'kysely';

// Credential exports of published versions: badge images owners upload (the bytes live in the
// database, so every process and every backup has them), and what a version's exports are built from
// besides its spec — the provider as it was and the badge chosen — frozen when the version is
// published, so its files are the same bytes for ever.
// One statement per call: Kysely's PGlite driver sends each as one statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('course_badges')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
		.addColumn('content_type', 'text', (c) => c.notNull().check(sql`content_type in ('image/png', 'image/svg+xml')`))
		// A PNG as uploaded, or an SVG as rebuilt by the sanitiser (never the uploaded SVG itself).
		.addColumn('bytes', 'bytea', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
		.addColumn('filename', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('course_badges_course_idx').on('course_badges').columns(['course_id', 'uploaded_at']).execute();
	// The badge the next published version takes; null: the generated one.
	await db.schema
		.alterTable('courses')
		.addColumn('badge_id', 'text', (c) => c.references('course_badges.id').onDelete('set null'))
		.execute();

	await db.schema
		.createTable('published_version_exports')
		.addColumn('version_id', 'text', (c) => c.primaryKey().references('published_versions.id'))
		// { name, country, website }: the provider profile (or the awarding body where it is empty) at publication.
		.addColumn('provider', 'jsonb', (c) => c.notNull())
		// A badge that is referenced here cannot be deleted (no cascade): published files keep their picture.
		.addColumn('badge_id', 'text', (c) => c.references('course_badges.id'))
		.execute();
	await sql`
		create trigger published_version_exports_immutable before update or delete on published_version_exports
		for each row execute function published_versions_are_immutable()
	`.execute(db);
	// Versions published before this migration take the provider profile as it is now, once.
	await sql`
		insert into published_version_exports (version_id, provider)
		select v.id, jsonb_build_object('name', p.organisation_name, 'country', p.country, 'website', p.website)
		from published_versions v cross join provider_profile p
		where p.id = 1
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop trigger published_version_exports_immutable on published_version_exports`.execute(db);
	await db.schema.dropTable('published_version_exports').execute();
	await db.schema.alterTable('courses').dropColumn('badge_id').execute();
	await db.schema.dropTable('course_badges').execute();
}
