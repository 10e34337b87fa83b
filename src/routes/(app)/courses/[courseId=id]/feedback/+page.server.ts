import { listRounds } from '$lib/server/feedback';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { rounds: await orHttpError(listRounds(event.locals.db, user, event.params.courseId)) };
};
