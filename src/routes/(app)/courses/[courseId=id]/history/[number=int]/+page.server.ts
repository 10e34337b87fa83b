import { domainFailure } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import { getVersion, restoreVersion } from '$lib/server/versions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { courseId, number } = event.params;
	return { version: await orHttpError(getVersion(event.locals.db, user, courseId, Number(number))) };
};

export const actions: Actions = {
	restore: async (event) => {
		const user = requireUser(event);
		const { courseId, number } = event.params;
		try {
			return { restored: await restoreVersion(event.locals, user, courseId, Number(number)) };
		} catch (err) {
			return domainFailure(err, new FormData());
		}
	}
};
