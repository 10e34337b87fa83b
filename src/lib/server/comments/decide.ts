import type { Suggestion } from '$lib/comments/model';
import type { Actor } from '../policy';
import { changeCourseDoc } from '../course-docs';
import { conflict } from '../errors';
import { generateId } from '../ids';
import { addNotifications, sendBatchedEmails } from '../notifications';
import { announceCommentsChanged } from './signal';
import { applySuggestion } from './suggestions';
import { authorizeThread, type CommentDeps } from './threads';
import { commentBody, excerpt } from './text';
import { m } from '$lib/paraglide/messages';

/**
 * Accepts a suggestion: the change is made in the live document as an edit by the person who
 * suggested it, so history and attribution credit them, and everyone sees it at once.
 *
 * Applied once, even when two editors accept at the same moment: the decision is claimed first, by
 * a conditional update only one request can win; the loser is told it was already decided. If the
 * change then cannot be made (the text changed meanwhile, or storing fails), the claim is given
 * back, so the suggestion is open again and nothing is half done.
 */
export async function acceptSuggestion(deps: CommentDeps, actor: Actor, threadId: string): Promise<void> {
	const { db } = deps;
	const { thread } = await authorizeThread(db, actor, threadId, 'suggestion.decide');
	if (!thread.suggestion) throw conflict(m.comments_error_not_suggestion());
	const claimed = await db
		.updateTable('comment_threads')
		.set({ suggestion_state: 'accepted', decided_by: actor.id, decided_at: new Date(), resolved_at: new Date(), resolved_by: actor.id })
		.where('id', '=', threadId)
		.where('suggestion_state', '=', 'open')
		.returning('id')
		.executeTakeFirst();
	if (!claimed) throw conflict(m.comments_error_already_decided());
	const suggestion = thread.suggestion as unknown as Suggestion;
	try {
		await changeCourseDoc(deps, thread.course_id, thread.created_by ?? actor.id, (doc) => applySuggestion(doc, suggestion));
	} catch (err) {
		await db
			.updateTable('comment_threads')
			.set({ suggestion_state: 'open', decided_by: null, decided_at: null, resolved_at: null, resolved_by: null })
			.where('id', '=', threadId)
			.execute();
		throw err;
	}
	await tellAuthor(deps, actor, thread, 'suggestion.accepted', null, suggestion);
}

/** Rejects a suggestion, with an optional reply that joins the thread. */
export async function rejectSuggestion(deps: CommentDeps, actor: Actor, threadId: string, input: { body?: unknown } = {}): Promise<void> {
	const { db } = deps;
	const { thread } = await authorizeThread(db, actor, threadId, 'suggestion.decide');
	if (!thread.suggestion) throw conflict(m.comments_error_not_suggestion());
	const reply = commentBody(input.body, { optional: true });
	await db.transaction().execute(async (trx) => {
		const claimed = await trx
			.updateTable('comment_threads')
			.set({ suggestion_state: 'rejected', decided_by: actor.id, decided_at: new Date(), resolved_at: new Date(), resolved_by: actor.id })
			.where('id', '=', threadId)
			.where('suggestion_state', '=', 'open')
			.returning('id')
			.executeTakeFirst();
		if (!claimed) throw conflict(m.comments_error_already_decided());
		if (reply) await trx.insertInto('comments').values({ id: generateId(), thread_id: threadId, author_id: actor.id, body: reply }).execute();
	});
	await tellAuthor(deps, actor, thread, 'suggestion.rejected', reply, thread.suggestion as unknown as Suggestion);
}

async function tellAuthor(
	deps: CommentDeps,
	actor: Actor,
	thread: { id: string; course_id: string; created_by: string | null },
	kind: 'suggestion.accepted' | 'suggestion.rejected',
	reply: string | null,
	suggestion: Suggestion
): Promise<void> {
	const { db } = deps;
	const what = suggestion.op === 'text' || suggestion.op === 'paragraph' ? suggestion.after : suggestion.op === 'addItem' ? suggestion.text : `Delete: ${suggestion.before}`;
	const recipients = thread.created_by ? [thread.created_by] : [];
	await db.transaction().execute((trx) =>
		addNotifications(trx, { kind, recipients, courseId: thread.course_id, actorId: actor.id, data: { threadId: thread.id, excerpt: excerpt(reply || what) } }, '')
	);
	announceCommentsChanged(deps.live, thread.course_id);
	if (deps.mail && thread.created_by && thread.created_by !== actor.id) sendBatchedEmails(db, deps.mail, [thread.created_by]);
}
