import type { Kysely } from 'kysely';

// The interface language a person chose (en, fi, sv …); null means "follow the browser".
// No check constraint: adding a UI language must not need a migration, the app validates the value.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('users').addColumn('locale', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('users').dropColumn('locale').execute();
}
