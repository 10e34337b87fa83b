import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { issuedLinkRows } from '$lib/server/feedback';
import { toCsv } from '$lib/server/feedback/csv';
import { readForm } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { RequestHandler } from './$types';

// The links just handed out, as a file. Their tokens come back in the form (only hashes are stored);
// the file holds only tokens that belong to this round.
export const POST: RequestHandler = async (event) => {
	const user = requireUser(event);
	const formData = await readForm(event.request);
	const tokens = formData.getAll('token').filter((t): t is string => typeof t === 'string');
	const rows = await orHttpError(issuedLinkRows(event.locals.db, user, event.params.courseId, event.params.roundId, tokens, event.url.origin));
	if (rows.length === 0) error(400, m.feedback_error_links_not_in_round());
	return new Response(toCsv([['email', 'link'], ...rows.map((r) => [r.email, r.url])]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="personal-links.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
