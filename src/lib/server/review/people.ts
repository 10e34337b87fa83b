import type { Kysely } from 'kysely';
import type { Database } from '../db/types';

/** Display names for user ids (no emails: what any viewer of a course may see of its reviewers). */
export async function namesOf(db: Kysely<Database>, ids: readonly (string | null)[]): Promise<Map<string, string>> {
	const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
	if (wanted.length === 0) return new Map();
	const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute();
	return new Map(rows.map((row) => [row.id, row.name]));
}
