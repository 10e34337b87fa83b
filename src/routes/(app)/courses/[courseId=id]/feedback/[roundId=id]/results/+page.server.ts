import { FEEDBACK_PERSPECTIVES, type FeedbackPerspective } from '$lib/feedback/model';
import { roundResults } from '$lib/server/feedback';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	// The page refreshes this while the round is open (see +page.svelte).
	event.depends('feedback:results');
	const asked = event.url.searchParams.get('perspective');
	const filter = FEEDBACK_PERSPECTIVES.includes(asked as FeedbackPerspective) ? (asked as FeedbackPerspective) : null;
	return { view: await orHttpError(roundResults(event.locals.db, user, event.params.courseId, event.params.roundId, filter)) };
};
