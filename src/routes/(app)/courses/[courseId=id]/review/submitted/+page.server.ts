import { orHttpError, requireUser } from '$lib/server/guard';
import { readSubmittedSpec } from '$lib/server/review';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { submitted: await orHttpError(readSubmittedSpec(event.locals.db, user, event.params.courseId)) };
};
