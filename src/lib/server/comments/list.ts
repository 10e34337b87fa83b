import type { Kysely } from 'kysely';
import type { Anchor, CommentPerson, CommentsPayload, Suggestion, ThreadView } from '$lib/comments/model';
import type { Database } from '../db/types';
import { can, type Actor } from '../policy';
import { authorizeCourse } from '../courses/access';
import { teamPeople } from './people';

/**
 * Every thread of a course with its comments, as one member (or reviewer) may see them: names and
 * perspectives of the people in them, never addresses. Deleted comments keep their place without text.
 */
export async function listThreads(db: Kysely<Database>, actor: Actor, courseId: string): Promise<CommentsPayload> {
	const access = await authorizeCourse(db, actor, courseId, 'course.view');
	const [team, threads, comments] = await Promise.all([
		teamPeople(db, courseId),
		db.selectFrom('comment_threads').selectAll().where('course_id', '=', courseId).orderBy('created_at').orderBy('id').execute(),
		db
			.selectFrom('comments as c')
			.innerJoin('comment_threads as t', 't.id', 'c.thread_id')
			.select(['c.id', 'c.thread_id', 'c.author_id', 'c.body', 'c.mentions', 'c.created_at', 'c.edited_at', 'c.deleted_at'])
			.where('t.course_id', '=', courseId)
			.orderBy('c.created_at')
			.orderBy('c.id')
			.execute()
	]);
	const people = new Map<string, CommentPerson>(team.map((p) => [p.id, p]));
	// Authors who left the team, and coordinators who wrote review comments, still have a name.
	const strangers = [...new Set([...threads.map((t) => t.created_by), ...comments.map((c) => c.author_id)])].filter(
		(id): id is string => id !== null && !people.has(id)
	);
	if (strangers.length > 0) {
		const rows = await db.selectFrom('users').select(['id', 'name', 'role']).where('id', 'in', strangers).execute();
		for (const r of rows) people.set(r.id, { id: r.id, name: r.name, perspective: r.role === 'member' ? null : 'coordinator' });
	}
	const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
	const byThread = new Map<string, ThreadView['comments']>();
	for (const c of comments) {
		const list = byThread.get(c.thread_id) ?? [];
		list.push({
			id: c.id,
			author: person(c.author_id),
			body: c.deleted_at ? '' : c.body,
			mentions: c.deleted_at ? [] : c.mentions.map((id) => person(id)).filter((p): p is CommentPerson => p !== null),
			createdAt: new Date(c.created_at).toISOString(),
			editedAt: c.edited_at ? new Date(c.edited_at).toISOString() : null,
			deleted: c.deleted_at !== null,
			mine: c.author_id === actor.id
		});
		byThread.set(c.thread_id, list);
	}
	return {
		threads: threads.map((t) => {
			const anchor: Anchor = {
				kind: t.anchor_kind,
				field: t.field_key,
				itemId: t.item_id,
				lang: t.lang,
				start: t.range_start,
				end: t.range_end,
				quote: t.quote
			};
			return {
				id: t.id,
				anchor,
				author: person(t.created_by),
				createdAt: new Date(t.created_at).toISOString(),
				resolved: t.resolved_at !== null,
				resolvedBy: person(t.resolved_by)?.name ?? null,
				suggestion: (t.suggestion as unknown as Suggestion | null) ?? null,
				suggestionState: t.suggestion_state,
				decidedBy: person(t.decided_by)?.name ?? null,
				review: t.review_id !== null,
				comments: byThread.get(t.id) ?? []
			};
		}),
		team,
		me: actor.id,
		can: {
			comment: can(actor, 'comment.write', access.context),
			suggest: can(actor, 'suggestion.create', access.context),
			decide: can(actor, 'suggestion.decide', access.context)
		}
	};
}
