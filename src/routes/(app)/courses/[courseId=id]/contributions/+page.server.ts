import { courseContributions } from '$lib/server/contributions';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { contributions: await orHttpError(courseContributions(event.locals.db, user, event.params.courseId)) };
};
