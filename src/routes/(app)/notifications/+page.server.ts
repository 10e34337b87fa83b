import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { listNotifications, markAllRead, openNotification } from '$lib/server/notifications';
import type { Actions, PageServerLoad } from './$types';

const openSchema = v.object({ id: v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, 'Unknown notification.')) });

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return listNotifications(event.locals.db, user);
};

export const actions: Actions = {
	// A form, not a link, because opening marks it read: a GET must not change anything (link previews, prefetching).
	open: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(openSchema, formData);
		if (!parsed.ok) return parsed.failure;
		let path: string;
		try {
			path = await openNotification(event.locals.db, user, parsed.data.id);
		} catch (err) {
			return domainFailure(err, formData);
		}
		redirect(303, path);
	},
	readAll: async (event) => {
		const user = requireUser(event);
		return { markedRead: await markAllRead(event.locals.db, user) };
	}
};
