import { error } from '@sveltejs/kit';
import {
	acceptSuggestion,
	createThread,
	deleteComment,
	editComment,
	listThreads,
	rejectSuggestion,
	replyToThread,
	setThreadResolved
} from '$lib/server/comments';
import { jsonAnswer } from '$lib/server/comments/http';
import { mailContext } from '$lib/server/notifications';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';

// The comments of a course as JSON for the editor: GET lists them (re-read whenever the realtime
// connection signals a change), POST does one thing named by `action`. Every verb checks the policy.

export const GET: RequestHandler = (event) => {
	const user = event.locals.user;
	if (!user) error(401, m.comments_error_log_in());
	return jsonAnswer(() => listThreads(event.locals.db, user, event.params.courseId));
};

export const POST: RequestHandler = async (event) => {
	const user = event.locals.user;
	if (!user) error(401, m.comments_error_log_in());
	// JSON only: a cross-site page can send a form or plain text without asking first, never JSON.
	if (!event.request.headers.get('content-type')?.startsWith('application/json')) error(415, m.comments_error_send_json());
	let input: Record<string, unknown>;
	try {
		const parsed: unknown = await event.request.json();
		input = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
	} catch {
		error(400, m.comments_error_not_json());
	}
	const deps = { db: event.locals.db, live: event.locals.live, mail: mailContext(event) };
	const id = typeof input.id === 'string' ? input.id : '';
	const courseId = event.params.courseId;
	return jsonAnswer(async () => {
		switch (input.action) {
			case 'create':
				return { id: await createThread(deps, user, courseId, input as never) };
			case 'reply':
				return { id: await replyToThread(deps, user, id, input) };
			case 'edit':
				return editComment(deps, user, id, input);
			case 'delete':
				return deleteComment(deps, user, id);
			case 'resolve':
			case 'reopen':
				return setThreadResolved(deps, user, id, input.action === 'resolve');
			case 'accept':
				return acceptSuggestion(deps, user, id);
			case 'reject':
				return rejectSuggestion(deps, user, id, input);
			default:
				error(400, m.comments_error_unknown_action());
		}
	});
};
