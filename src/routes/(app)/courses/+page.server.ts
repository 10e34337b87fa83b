import { redirect } from '@sveltejs/kit';
import { createCourse } from '$lib/server/courses';
import { createCourseSchema } from '$lib/server/courses/schema';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { loadDashboard } from '$lib/server/review';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const showArchived = event.url.searchParams.get('show') === 'archived';
	const { courses, queue } = await loadDashboard(event.locals.db, user, { archived: showArchived });
	return { courses, queue, showArchived };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(createCourseSchema, formData);
		if (!parsed.ok) return parsed.failure;
		let course;
		try {
			course = await createCourse(event.locals.db, user, parsed.data);
		} catch (err) {
			return domainFailure(err, formData);
		}
		redirect(303, `/courses/${course.id}`);
	}
};
