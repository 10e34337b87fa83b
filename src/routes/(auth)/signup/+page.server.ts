import { redirect } from '@sveltejs/kit';
import { signUp } from '$lib/server/auth';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { signupSchema } from '$lib/server/auth/schema';
import { PASSWORD_MIN_LENGTH } from '$lib/server/auth/password';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { joinAfterSignIn } from '$lib/server/invites';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeRedirectTarget(url.searchParams.get('next'), url.origin);
	if (locals.user) redirect(303, next);
	return { next, passwordMinLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: async (event) => {
		const formData = await readForm(event.request);
		const parsed = parseForm(signupSchema, formData);
		if (!parsed.ok) return parsed.failure;
		let signedIn;
		try {
			signedIn = await signUp(event.locals.db, event.locals.limiters, event.getClientAddress(), parsed.data);
		} catch (err) {
			return domainFailure(err, formData);
		}
		setSessionCookie(event.cookies, event.url, signedIn.token, signedIn.session.expiresAt);
		const next = safeRedirectTarget(event.url.searchParams.get('next'), event.url.origin);
		redirect(303, await joinAfterSignIn(event.locals.db, signedIn.user, next));
	}
};
