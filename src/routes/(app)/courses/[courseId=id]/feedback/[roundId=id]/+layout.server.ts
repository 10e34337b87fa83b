import { getRound } from '$lib/server/feedback';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const user = requireUser(event);
	event.depends('feedback:round');
	return { round: await orHttpError(getRound(event.locals.db, user, event.params.courseId, event.params.roundId)) };
};
