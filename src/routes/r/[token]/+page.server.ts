import { fail, redirect } from '@sveltejs/kit';
import { participantView, submitResponse, submissionThrottle } from '$lib/server/feedback';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	view: await participantView(locals.db, params.token)
});

function sentValues(formData: FormData): Record<string, string[]> {
	const values: Record<string, string[]> = {};
	for (const [name, value] of formData) if (typeof value === 'string') (values[name] ??= []).push(value);
	return values;
}

export const actions: Actions = {
	default: async (event) => {
		const formData = await readForm(event.request);
		const { db } = event.locals;
		const result = await submitResponse(
			db,
			submissionThrottle(db),
			event.params.token,
			(name) => formData.getAll(name).filter((v): v is string => typeof v === 'string'),
			event.getClientAddress()
		);
		if (result.ok) redirect(303, `/r/${event.params.token}/thanks`);
		switch (result.reason) {
			case 'invalid':
				return fail(400, { values: sentValues(formData), errors: result.errors });
			case 'rate_limited':
				event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
				return fail(429, { values: sentValues(formData), errors: {}, message: result.message });
			case 'unavailable':
				// The round closed, filled up or the link was switched off meanwhile: the page says which.
				return fail(409, { view: result.view });
		}
	}
};
