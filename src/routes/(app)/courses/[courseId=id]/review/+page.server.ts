import { redirect } from '@sveltejs/kit';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import { mailContext } from '$lib/server/notifications';
import { approveSubmission, loadReviewPage, requestChanges, submitForReview, withdrawSubmission } from '$lib/server/review';
import { approveSchema, requestChangesSchema, submitSchema } from '$lib/server/review/schema';
import { contributionsOf } from '$lib/server/contributions';
import { reviewCommentCounts } from '$lib/server/comments';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const review = await orHttpError(loadReviewPage(event.locals, user, event.params.courseId, event.url.origin));
	// Access was checked by loadReviewPage: what the coordinator's quality-assurance record shows.
	const [contributions, reviewComments] = await Promise.all([
		contributionsOf(event.locals.db, event.params.courseId),
		reviewCommentCounts(event.locals.db, event.params.courseId)
	]);
	return { review, coCreation: { students: contributions.students, companyPartners: contributions.companyPartners }, reviewComments };
};

export const actions: Actions = {
	submit: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(submitSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			const { version } = await submitForReview(event.locals, user, event.params.courseId, parsed.data, mailContext(event));
			return { submitted: { version } };
		} catch (err) {
			return domainFailure(err, formData);
		}
	},
	withdraw: async (event) => {
		const user = requireUser(event);
		try {
			await withdrawSubmission(event.locals, user, event.params.courseId, mailContext(event));
			return { withdrawn: true };
		} catch (err) {
			return domainFailure(err, new FormData());
		}
	},
	requestChanges: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(requestChangesSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await requestChanges(event.locals, user, event.params.courseId, parsed.data, mailContext(event));
			return { changesRequested: true };
		} catch (err) {
			return domainFailure(err, formData);
		}
	},
	approve: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(approveSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await approveSubmission(event.locals, user, event.params.courseId, parsed.data, mailContext(event));
		} catch (err) {
			return domainFailure(err, formData);
		}
		// Publishing is the next step, on its own page: it shows exactly what will be frozen.
		redirect(303, `/courses/${event.params.courseId}/publish?approved=1`);
	}
};
