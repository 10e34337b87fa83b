import { fail } from '@sveltejs/kit';
import { ITEM_STATUSES, type ItemStatus } from '$lib/feedback/model';
import { listItems, subjectChoicesOf, updateItem } from '$lib/server/feedback';
import { itemUpdateSchema } from '$lib/server/feedback/schema';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const status = event.url.searchParams.get('status');
	const subject = event.url.searchParams.get('about') ?? undefined;
	const filter = { status: ITEM_STATUSES.includes(status as ItemStatus) ? (status as ItemStatus) : undefined, subject };
	const { db } = event.locals;
	return {
		triage: await orHttpError(listItems(db, user, event.params.courseId, event.params.roundId, filter)),
		subjects: await orHttpError(subjectChoicesOf(db, user, event.params.courseId, event.params.roundId)),
		filter
	};
};

export const actions: Actions = {
	update: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(itemUpdateSchema, formData);
		if (!parsed.ok) return fail(400, { ...parsed.failure.data, itemId: String(formData.get('itemId') ?? '') });
		try {
			await updateItem(event.locals.db, user, event.params.courseId, event.params.roundId, parsed.data);
			return { saved: parsed.data.itemId };
		} catch (err) {
			const failure = domainFailure(err, formData);
			return fail(failure.status, { ...failure.data, itemId: parsed.data.itemId });
		}
	}
};
