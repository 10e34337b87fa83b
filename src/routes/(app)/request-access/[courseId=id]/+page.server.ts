import { redirect } from '@sveltejs/kit';
import { requestAccess } from '$lib/server/access-requests';
import { requestAccessSchema } from '$lib/server/access-requests/schema';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

// Nothing here reads the course: the page is the same for every id, existing or not.
export const load: PageServerLoad = (event) => {
	requireUser(event);
	return { courseId: event.params.courseId, sent: event.url.searchParams.has('sent') };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(requestAccessSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await requestAccess(event.locals.db, user, event.params.courseId, parsed.data);
		} catch (err) {
			return domainFailure(err, formData);
		}
		redirect(303, `/request-access/${event.params.courseId}?sent`);
	}
};
