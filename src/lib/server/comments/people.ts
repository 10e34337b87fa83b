import type { Kysely, Transaction } from 'kysely';
import type { CommentPerson } from '$lib/comments/model';
import type { Database } from '../db/types';
import { invalid } from '../errors';
import { m } from '$lib/paraglide/messages';

type Db = Kysely<Database> | Transaction<Database>;

/** The course's team as comments show people: name and perspective, never an address. */
export async function teamPeople(db: Db, courseId: string): Promise<CommentPerson[]> {
	const rows = await db
		.selectFrom('course_members as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name', 'm.perspective'])
		.where('m.course_id', '=', courseId)
		.orderBy('u.name')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, perspective: r.perspective }));
}

/**
 * The people a comment mentions: each must be on the team. A mention the body does not spell out
 * as `@Name` is dropped, so a notification always points at words the reader can find.
 */
export function checkMentions(raw: unknown, body: string, team: readonly CommentPerson[], limit: number): string[] {
	if (raw === undefined || raw === null) return [];
	if (!Array.isArray(raw) || raw.some((id) => typeof id !== 'string')) throw invalid(m.comments_error_mentions_list(), 'mentions');
	const ids = [...new Set(raw as string[])];
	if (ids.length > limit) throw invalid(m.comments_error_mentions_max({ limit }), 'mentions');
	const byId = new Map(team.map((p) => [p.id, p]));
	const outsider = ids.find((id) => !byId.has(id));
	if (outsider) throw invalid(m.comments_error_mention_outsider(), 'mentions');
	return ids.filter((id) => body.includes(`@${byId.get(id)!.name}`));
}
