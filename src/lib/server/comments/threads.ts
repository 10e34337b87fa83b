import type { Kysely, Transaction } from 'kysely';
import { COMMENT_LIMITS, type Anchor, type Suggestion } from '$lib/comments/model';
import type { Database } from '../db/types';
import type { Actor } from '../policy';
import { authorizeCourse, type CourseAccess } from '../courses/access';
import { currentCourseDoc } from '../course-docs';
import type { LiveContext } from '../live-context';
import { forbidden, invalid, isDomainError, notFound } from '../errors';
import { generateId } from '../ids';
import { addNotifications, sendBatchedEmails, type BatchedMailContext, type NotificationKind } from '../notifications';
import { isReviewer } from '../policy';
import { checkAnchor, type CheckedAnchor } from './anchors';
import { checkMentions, teamPeople } from './people';
import { announceCommentsChanged } from './signal';
import { checkSuggestion } from './suggestions';
import { commentBody, excerpt } from './text';
import { m } from '$lib/paraglide/messages';

/**
 * What every comment verb needs: the database, the realtime server (to tell open editors that the
 * comments changed) and how to email (absent: no email, e.g. in scripts).
 */
export interface CommentDeps extends LiveContext {
	mail?: BatchedMailContext;
}

export interface NewThread {
	anchor?: Anchor;
	/** A proposed change; its anchor is derived from it. */
	suggestion?: unknown;
	body?: unknown;
	mentions?: unknown;
}

interface Notice {
	kind: NotificationKind;
	recipients: string[];
	excerpt: string;
}

/** Adds the notifications in the transaction; returns who to email once it has committed. */
async function notify(trx: Transaction<Database>, actor: Actor, courseId: string, threadId: string, notices: Notice[]): Promise<string[]> {
	const told = new Set<string>([actor.id]);
	const emailed: string[] = [];
	// One notification per person per event: a mention outranks a reply, which outranks the rest.
	for (const notice of notices) {
		const recipients = notice.recipients.filter((id) => !told.has(id));
		for (const id of recipients) told.add(id);
		if (recipients.length === 0) continue;
		await addNotifications(trx, { kind: notice.kind, recipients, courseId, actorId: actor.id, data: { threadId, excerpt: notice.excerpt } }, '');
		emailed.push(...recipients);
	}
	return emailed;
}

function afterCommit(deps: CommentDeps, courseId: string, emailed: string[]): void {
	announceCommentsChanged(deps.live, courseId);
	if (deps.mail && emailed.length > 0) sendBatchedEmails(deps.db, deps.mail, emailed);
}

/** The open review of a submitted course, when the actor is a coordinator commenting on it from outside the team. */
async function reviewIdFor(db: Kysely<Database>, actor: Actor, access: CourseAccess): Promise<string | null> {
	if (access.membership || !isReviewer(actor)) return null;
	const row = await db
		.selectFrom('course_reviews')
		.select('id')
		.where('course_id', '=', access.course.id)
		.orderBy('submitted_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.id ?? null;
}

/** Who wrote the field a suggestion changes (from the attribution record), to tell them about it. */
async function fieldAuthors(db: Kysely<Database>, courseId: string, anchor: CheckedAnchor): Promise<string[]> {
	const rows = await db
		.selectFrom('course_field_edits as e')
		.innerJoin('course_members as m', (j) => j.onRef('m.user_id', '=', 'e.user_id').onRef('m.course_id', '=', 'e.course_id'))
		.select('e.user_id')
		.where('e.course_id', '=', courseId)
		.where('e.field_key', '=', anchor.field)
		.where('e.item_id', '=', anchor.itemId ?? '')
		.where('m.role', 'in', ['owner', 'editor'])
		.execute();
	return rows.map((r) => r.user_id);
}

/** Starts a thread: a comment on an anchor, or a suggestion (whose first comment explains it). */
export async function createThread(deps: CommentDeps, actor: Actor, courseId: string, input: NewThread): Promise<string> {
	const { db } = deps;
	const suggesting = input.suggestion !== undefined && input.suggestion !== null;
	const access = await authorizeCourse(db, actor, courseId, suggesting ? 'suggestion.create' : 'comment.write');
	const body = commentBody(input.body, { optional: suggesting });
	const team = await teamPeople(db, courseId);
	const mentions = checkMentions(input.mentions, body, team, COMMENT_LIMITS.mentions);
	const doc = await currentCourseDoc(deps, courseId);
	let anchor: CheckedAnchor;
	let suggestion: Suggestion | null = null;
	try {
		if (suggesting) ({ anchor, suggestion } = checkSuggestion(doc, input.suggestion));
		else if (input.anchor && typeof input.anchor === 'object') anchor = checkAnchor(doc, input.anchor);
		else throw invalid(m.comments_error_what_about(), 'anchor');
	} finally {
		doc.destroy();
	}
	const [reviewId, authors] = await Promise.all([
		reviewIdFor(db, actor, access),
		suggestion ? fieldAuthors(db, courseId, anchor) : Promise.resolve([])
	]);
	const id = generateId();
	const emailed = await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('comment_threads')
			.values({
				id,
				course_id: courseId,
				anchor_kind: anchor.kind,
				field_key: anchor.field,
				item_id: anchor.itemId,
				lang: anchor.lang,
				range_start: anchor.start,
				range_end: anchor.end,
				quote: anchor.quote,
				suggestion: suggestion ? JSON.stringify(suggestion) : null,
				suggestion_state: suggestion ? 'open' : null,
				decided_by: null,
				decided_at: null,
				review_id: reviewId,
				created_by: actor.id,
				resolved_by: null,
				resolved_at: null
			})
			.execute();
		// A suggestion may come without words: then the thread holds only the proposed change.
		if (body) await trx.insertInto('comments').values({ id: generateId(), thread_id: id, author_id: actor.id, body, mentions }).execute();
		const about = excerpt(body || (suggestion?.op === 'text' || suggestion?.op === 'paragraph' ? suggestion.after : suggestion?.op === 'addItem' ? suggestion.text : 'Delete this item'));
		return notify(trx, actor, courseId, id, [
			{ kind: 'comment.mention', recipients: mentions, excerpt: about },
			{ kind: 'suggestion.made', recipients: authors, excerpt: about }
		]);
	});
	afterCommit(deps, courseId, emailed);
	return id;
}

interface ThreadRow {
	id: string;
	course_id: string;
	created_by: string | null;
	suggestion: Record<string, unknown> | null;
	suggestion_state: 'open' | 'accepted' | 'rejected' | null;
	resolved_at: Date | null;
}

/**
 * A thread and the actor's access to its course for one action. A thread of a course the actor may
 * not see is "not found", like the course.
 */
export async function authorizeThread(
	db: Kysely<Database>,
	actor: Actor,
	threadId: string,
	action: 'comment.write' | 'suggestion.decide' | 'course.view'
): Promise<{ thread: ThreadRow; access: CourseAccess }> {
	const thread = await db
		.selectFrom('comment_threads')
		.select(['id', 'course_id', 'created_by', 'suggestion', 'suggestion_state', 'resolved_at'])
		.where('id', '=', typeof threadId === 'string' ? threadId : '')
		.executeTakeFirst();
	if (!thread) throw notFound(m.comments_error_no_comment());
	try {
		const access = await authorizeCourse(db, actor, thread.course_id, action);
		return { thread: thread as ThreadRow, access };
	} catch (err) {
		if (isDomainError(err) && err.code === 'not_found') throw notFound(m.comments_error_no_comment());
		throw err;
	}
}

/** Everyone who wrote in the thread, so far. */
async function participants(trx: Transaction<Database>, threadId: string): Promise<string[]> {
	const rows = await trx.selectFrom('comments').select('author_id').distinct().where('thread_id', '=', threadId).execute();
	return rows.map((r) => r.author_id).filter((id): id is string => id !== null);
}

export async function replyToThread(
	deps: CommentDeps,
	actor: Actor,
	threadId: string,
	input: { body?: unknown; mentions?: unknown }
): Promise<string> {
	const { db } = deps;
	const { thread } = await authorizeThread(db, actor, threadId, 'comment.write');
	const body = commentBody(input.body);
	const mentions = checkMentions(input.mentions, body, await teamPeople(db, thread.course_id), COMMENT_LIMITS.mentions);
	const id = generateId();
	const emailed = await db.transaction().execute(async (trx) => {
		await trx.insertInto('comments').values({ id, thread_id: threadId, author_id: actor.id, body, mentions }).execute();
		// A reply reopens nothing by itself, but keeps the thread's order by activity.
		await trx.updateTable('comment_threads').set({ updated_at: new Date() }).where('id', '=', threadId).execute();
		const earlier = await participants(trx, threadId);
		return notify(trx, actor, thread.course_id, threadId, [
			{ kind: 'comment.mention', recipients: mentions, excerpt: excerpt(body) },
			{ kind: 'comment.reply', recipients: [...(thread.created_by ? [thread.created_by] : []), ...earlier], excerpt: excerpt(body) }
		]);
	});
	afterCommit(deps, thread.course_id, emailed);
	return id;
}

async function ownComment(db: Kysely<Database>, actor: Actor, commentId: string) {
	const comment = await db
		.selectFrom('comments')
		.select(['id', 'thread_id', 'author_id', 'deleted_at'])
		.where('id', '=', typeof commentId === 'string' ? commentId : '')
		.executeTakeFirst();
	if (!comment || comment.deleted_at) throw notFound(m.comments_error_no_comment());
	const { thread } = await authorizeThread(db, actor, comment.thread_id, 'comment.write');
	if (comment.author_id !== actor.id) throw forbidden(m.comments_error_author_only());
	return { comment, thread };
}

export async function editComment(deps: CommentDeps, actor: Actor, commentId: string, input: { body?: unknown; mentions?: unknown }): Promise<void> {
	const { db } = deps;
	const { thread } = await ownComment(db, actor, commentId);
	const body = commentBody(input.body);
	const mentions = checkMentions(input.mentions, body, await teamPeople(db, thread.course_id), COMMENT_LIMITS.mentions);
	await db.updateTable('comments').set({ body, mentions, edited_at: new Date() }).where('id', '=', commentId).execute();
	afterCommit(deps, thread.course_id, []);
}

/** Removes a comment's text; the thread keeps its place ("deleted"), and goes when nothing else is left in it. */
export async function deleteComment(deps: CommentDeps, actor: Actor, commentId: string): Promise<void> {
	const { db } = deps;
	const { thread } = await ownComment(db, actor, commentId);
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('comments').set({ body: '', mentions: [], deleted_at: new Date() }).where('id', '=', commentId).execute();
		const left = await trx
			.selectFrom('comments')
			.select('id')
			.where('thread_id', '=', thread.id)
			.where('deleted_at', 'is', null)
			.executeTakeFirst();
		if (!left && thread.suggestion_state !== 'accepted') await trx.deleteFrom('comment_threads').where('id', '=', thread.id).execute();
	});
	afterCommit(deps, thread.course_id, []);
}

export async function setThreadResolved(deps: CommentDeps, actor: Actor, threadId: string, resolved: boolean): Promise<void> {
	const { db } = deps;
	const { thread } = await authorizeThread(db, actor, threadId, 'comment.write');
	if (thread.suggestion_state === 'open' && resolved) {
		throw invalid(m.comments_error_resolve_suggestion(), 'thread');
	}
	await db
		.updateTable('comment_threads')
		.set(resolved ? { resolved_at: new Date(), resolved_by: actor.id } : { resolved_at: null, resolved_by: null })
		.where('id', '=', threadId)
		.execute();
	afterCommit(deps, thread.course_id, []);
}
