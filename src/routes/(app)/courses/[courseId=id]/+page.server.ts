import { authorizeCourse, presenceColor } from '$lib/server/courses';
import { orHttpError, requireUser } from '$lib/server/guard';
import { getProviderProfile } from '$lib/server/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const access = await orHttpError(authorizeCourse(event.locals.db, user, event.params.courseId, 'course.view'));
	const [profile, color] = await Promise.all([
		getProviderProfile(event.locals.db),
		presenceColor(event.locals.db, access, user.id)
	]);
	return { hoursPerEcts: profile.hoursPerEcts, me: { id: user.id, name: user.name, color } };
};
