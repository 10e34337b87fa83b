import { redirect } from '@sveltejs/kit';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { endSessionSockets } from '$lib/server/live-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) {
			await invalidateSession(locals.db, locals.session.id);
			endSessionSockets(locals.live, locals.session.id);
		}
		deleteSessionCookie(cookies, url);
		redirect(303, '/');
	}
};
