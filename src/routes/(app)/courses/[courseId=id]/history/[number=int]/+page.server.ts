import { authorizeCourse } from '$lib/server/courses';
import { domainFailure } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import { can } from '$lib/server/policy';
import { getVersion, restoreVersion } from '$lib/server/versions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = event.locals;
	const { courseId, number } = event.params;
	const { context } = await orHttpError(authorizeCourse(db, user, courseId, 'course.view'));
	const version = await orHttpError(getVersion(db, user, courseId, Number(number)));
	return { version, canRestore: can(user, 'version.restore', context) };
};

export const actions: Actions = {
	restore: async (event) => {
		const user = requireUser(event);
		const { courseId, number } = event.params;
		try {
			return { restored: await restoreVersion(event.locals.db, user, courseId, Number(number)) };
		} catch (err) {
			return domainFailure(err, new FormData());
		}
	}
};
