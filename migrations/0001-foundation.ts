import { sql, type Kysely } from 'kysely';

// One statement per call: Kysely's PGlite driver sends each query as a single prepared statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('users')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) =>
			c.notNull().defaultTo('member').check(sql`role in ('admin', 'coordinator', 'member')`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('provider_profile')
		.addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
		.addColumn('organisation_name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('country', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('qa_statement', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('hours_per_ects', 'integer', (c) =>
			c.notNull().defaultTo(27).check(sql`hours_per_ects between 1 and 100`)
		)
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`insert into provider_profile (id) values (1)`.execute(db);

	await db.schema
		.createTable('courses')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`status in ('draft', 'in_review', 'changes_requested', 'approved', 'published')`)
		)
		.addColumn('archived_at', 'timestamptz')
		.addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('course_members')
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) =>
			c.notNull().check(sql`role in ('owner', 'editor', 'commenter', 'viewer')`)
		)
		.addColumn('perspective', 'text', (c) =>
			c
				.notNull()
				.check(sql`perspective in ('lecturer', 'company_partner', 'student', 'coordinator', 'other')`)
		)
		.addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('course_members_pk', ['course_id', 'user_id'])
		.execute();
	await db.schema.createIndex('course_members_user_idx').on('course_members').column('user_id').execute();

	await db.schema
		.createTable('course_invites')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('editor', 'commenter', 'viewer')`))
		.addColumn('perspective', 'text', (c) =>
			c
				.notNull()
				.check(sql`perspective in ('lecturer', 'company_partner', 'student', 'coordinator', 'other')`)
		)
		.addColumn('single_use', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('revoked_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('course_invites_course_idx').on('course_invites').column('course_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['course_invites', 'course_members', 'courses', 'provider_profile', 'sessions', 'users']) {
		await db.schema.dropTable(table).execute();
	}
}
