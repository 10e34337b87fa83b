import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import { mailContext } from '$lib/server/notifications';
import { loadPublishPage, publishCourse, retireCourse, unretireCourse } from '$lib/server/publishing';
import { publishSchema, retireSchema } from '$lib/server/review/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		publish: await orHttpError(loadPublishPage(event.locals.db, user, event.params.courseId, event.url.origin)),
		justApproved: event.url.searchParams.has('approved')
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(publishSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			return { published: await publishCourse(event.locals, user, event.params.courseId, parsed.data, mailContext(event)) };
		} catch (err) {
			return domainFailure(err, formData);
		}
	},
	retire: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(retireSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await retireCourse(event.locals, user, event.params.courseId, parsed.data, mailContext(event));
			return { retired: true };
		} catch (err) {
			return domainFailure(err, formData);
		}
	},
	unretire: async (event) => {
		const user = requireUser(event);
		try {
			await unretireCourse(event.locals, user, event.params.courseId, {}, mailContext(event));
			return { unretired: true };
		} catch (err) {
			return domainFailure(err, new FormData());
		}
	}
};
