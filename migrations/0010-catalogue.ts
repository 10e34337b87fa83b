import { sql, type Kysely } from 'kysely';

// The public catalogue's search index: one row per published course, derived from its latest
// published version (src/lib/server/catalogue/index-course.ts writes it). Derived data: it can be
// rebuilt from published_versions at any time, so unlike them it may be changed and deleted.
// One statement per call: Kysely's PGlite driver sends each as one statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('catalogue_entries')
		.addColumn('course_id', 'text', (c) => c.primaryKey().references('courses.id').onDelete('cascade'))
		.addColumn('version_id', 'text', (c) => c.notNull().references('published_versions.id'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('version_number', 'integer', (c) => c.notNull())
		.addColumn('published_at', 'timestamptz', (c) => c.notNull())
		.addColumn('retired_at', 'timestamptz')
		// What a result shows, in the spec's primary language.
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('excerpt', 'text', (c) => c.notNull())
		.addColumn('provider', 'text', (c) => c.notNull())
		.addColumn('country', 'text')
		// Filters.
		.addColumn('languages', sql`text[]`, (c) => c.notNull())
		.addColumn('eqf_level', 'smallint')
		.addColumn('ects', 'double precision')
		.addColumn('participation_form', 'text')
		.addColumn('field_code', 'text')
		.addColumn('topics', sql`text[]`, (c) => c.notNull())
		// Every language's text in its own configuration (Finnish, Swedish, English, 'simple' for the
		// rest), concatenated: one vector to test and rank per row. Four vectors side by side made the
		// rows wide and every search read and ranked each of them (measured: about three times slower).
		.addColumn('tsv', sql`tsvector`, (c) => c.notNull())
		// The titles alone: "title matches first" tests this small vector.
		.addColumn('tsv_title', sql`tsvector`, (c) => c.notNull())
		.addColumn('indexed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index catalogue_entries_tsv on catalogue_entries using gin (tsv)`.execute(db);
	// Read for the page of results only: the text a highlighted passage is cut from, and per language
	// the vector that tells which language's passage to show.
	await db.schema
		.createTable('catalogue_texts')
		.addColumn('course_id', 'text', (c) => c.primaryKey().references('catalogue_entries.course_id').onDelete('cascade'))
		.addColumn('body_fi', 'text', (c) => c.notNull())
		.addColumn('body_sv', 'text', (c) => c.notNull())
		.addColumn('body_en', 'text', (c) => c.notNull())
		.addColumn('body_other', 'text', (c) => c.notNull())
		.addColumn('tsv_fi', sql`tsvector`, (c) => c.notNull())
		.addColumn('tsv_sv', sql`tsvector`, (c) => c.notNull())
		.addColumn('tsv_en', sql`tsvector`, (c) => c.notNull())
		.addColumn('tsv_other', sql`tsvector`, (c) => c.notNull())
		.execute();
	await sql`create index catalogue_entries_languages on catalogue_entries using gin (languages)`.execute(db);
	await sql`create index catalogue_entries_topics on catalogue_entries using gin (topics)`.execute(db);
	await sql`create index catalogue_entries_newest on catalogue_entries (published_at desc)`.execute(db);

	// Finnish stems seen in published text: the trigram fallback finds the stems of other inflections
	// of a searched word here (stemming alone misses yritys ~ yrityksissä). Only ever grows between
	// rebuilds; a stem no course uses any more just matches nothing.
	await db.schema.createTable('catalogue_stems').addColumn('stem', 'text', (c) => c.primaryKey()).execute();
	await sql`create index catalogue_stems_trgm on catalogue_stems using gin (stem public.gin_trgm_ops)`.execute(db);

	// Bumped by every change to the catalogue, so a process can tell whether what it derived from the
	// whole catalogue (the filter choices) is still current without reading it again.
	await sql`create sequence catalogue_generation`.execute(db);
	await sql`
		create function catalogue_changed() returns trigger language plpgsql as $$
		begin
			perform nextval('catalogue_generation');
			return null;
		end
		$$
	`.execute(db);
	await sql`
		create trigger catalogue_changed after insert or update or delete on catalogue_entries
		for each statement execute function catalogue_changed()
	`.execute(db);

	// Retiring (or un-retiring) a course shows in the catalogue at once, whoever changes the column.
	await sql`
		create function catalogue_follow_course() returns trigger language plpgsql as $$
		begin
			update catalogue_entries set retired_at = new.retired_at where course_id = new.id;
			return new;
		end
		$$
	`.execute(db);
	await sql`
		create trigger catalogue_follow_course after update of retired_at on courses
		for each row when (old.retired_at is distinct from new.retired_at)
		execute function catalogue_follow_course()
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop trigger catalogue_follow_course on courses`.execute(db);
	await sql`drop function catalogue_follow_course()`.execute(db);
	await sql`drop trigger catalogue_changed on catalogue_entries`.execute(db);
	await sql`drop function catalogue_changed()`.execute(db);
	await sql`drop sequence catalogue_generation`.execute(db);
	await db.schema.dropTable('catalogue_stems').execute();
	await db.schema.dropTable('catalogue_texts').execute();
	await db.schema.dropTable('catalogue_entries').execute();
}
