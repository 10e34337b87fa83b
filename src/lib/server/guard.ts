import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './auth/session';
import { isDomainError } from './errors';

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return user;
}

/** Runs a domain call in a page load and turns expected domain errors into HTTP errors. */
export async function orHttpError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (err) {
		if (isDomainError(err)) error(err.status, err.message);
		throw err;
	}
}
