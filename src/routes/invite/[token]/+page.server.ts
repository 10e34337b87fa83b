import { redirect } from '@sveltejs/kit';
import { isDomainError } from '$lib/server/errors';
import { requireUser } from '$lib/server/guard';
import { acceptInvite, previewInvite } from '$lib/server/invites';
import { domainFailure } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		const invite = await previewInvite(locals.db, params.token);
		return { invite, problem: null, signedIn: locals.user !== null, here: url.pathname };
	} catch (err) {
		if (!isDomainError(err)) throw err;
		return { invite: null, problem: err.message, signedIn: locals.user !== null, here: url.pathname };
	}
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		let joined;
		try {
			joined = await acceptInvite(event.locals.db, user, event.params.token);
		} catch (err) {
			return domainFailure(err, new FormData());
		}
		redirect(303, `/courses/${joined.courseId}`);
	}
};
