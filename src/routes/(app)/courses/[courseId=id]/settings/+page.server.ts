import { redirect } from '@sveltejs/kit';
import { renameCourse, setCourseArchived } from '$lib/server/courses';
import { renameCourseSchema } from '$lib/server/courses/schema';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import type { Actions } from './$types';

// No load of its own: the page shows only what the course layout loads (and authorises).
export const actions: Actions = {
	rename: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(renameCourseSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await renameCourse(event.locals.db, user, event.params.courseId, parsed.data.title);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { renamed: true };
	},
	archive: async (event) => {
		const user = requireUser(event);
		try {
			await setCourseArchived(event.locals.db, user, event.params.courseId, true);
		} catch (err) {
			return domainFailure(err, new FormData());
		}
		redirect(303, `/courses/${event.params.courseId}/settings`);
	},
	unarchive: async (event) => {
		const user = requireUser(event);
		try {
			await setCourseArchived(event.locals.db, user, event.params.courseId, false);
		} catch (err) {
			return domainFailure(err, new FormData());
		}
		redirect(303, `/courses/${event.params.courseId}/settings`);
	}
};
