import * as v from 'valibot';
import { fail, redirect } from '@sveltejs/kit';
import {
	addPersonalLinks,
	createAnonymousLink,
	feedbackMailer,
	deleteRound,
	listLinks,
	remindNonRespondents,
	revokeLink,
	setRoundOpen,
	updateRound
} from '$lib/server/feedback';
import { anonymousLinkSchema, emailsSchema, linkRef, parseRoundSettings } from '$lib/server/feedback/schema';
import { roundValues, submittedRoundValues, timeZones } from '$lib/server/feedback/settings-form';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { round } = await event.parent();
	return {
		links: await orHttpError(listLinks(event.locals.db, user, event.params.courseId, event.params.roundId)),
		settings: roundValues(round),
		timeZones: timeZones(),
		emailDelivers: event.locals.mailer.transport === 'smtp'
	};
};

/** guard → parse → one domain call, with domain errors next to their field. */
async function run<S extends v.GenericSchema, T>(
	event: RequestEvent,
	schema: S,
	work: (data: v.InferOutput<S>, user: ReturnType<typeof requireUser>) => Promise<T>
) {
	const user = requireUser(event);
	const formData = await readForm(event.request);
	const parsed = parseForm(schema, formData);
	if (!parsed.ok) return parsed.failure;
	try {
		return await work(parsed.data, user);
	} catch (err) {
		return domainFailure(err, formData);
	}
}

const nothing = v.object({});

export const actions: Actions = {
	anonymousLink: (event) =>
		run(event, anonymousLinkSchema, async ({ cap }, user) => ({
			issued: [await createAnonymousLink(event.locals.db, user, event.params.courseId, event.params.roundId, cap, event.url.origin)],
			kind: 'anonymous' as const
		})),
	personalLinks: (event) =>
		run(event, emailsSchema, async ({ emails }, user) => {
			const result = await addPersonalLinks(event.locals.db, feedbackMailer(event.locals.mailer), user, event.params.courseId, event.params.roundId, emails, event.url.origin);
			return { ...result, kind: 'personal' as const };
		}),
	remind: (event) =>
		run(event, nothing, async (_data, user) => ({
			issued: await remindNonRespondents(event.locals.db, feedbackMailer(event.locals.mailer), user, event.params.courseId, event.params.roundId, event.url.origin),
			kind: 'reminder' as const
		})),
	revoke: (event) =>
		run(event, linkRef, async ({ linkId }, user) => {
			await revokeLink(event.locals.db, user, event.params.courseId, event.params.roundId, linkId);
			return { revoked: true };
		}),
	open: (event) =>
		run(event, nothing, async (_data, user) => {
			await setRoundOpen(event.locals.db, user, event.params.courseId, event.params.roundId, true);
			return { opened: true };
		}),
	close: (event) =>
		run(event, nothing, async (_data, user) => {
			await setRoundOpen(event.locals.db, user, event.params.courseId, event.params.roundId, false);
			return { closed: true };
		}),
	settings: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const values = submittedRoundValues(formData);
		const settings = parseRoundSettings(formData);
		if (!settings.ok) return fail(400, { settingsValues: values, settingsErrors: settings.errors });
		try {
			await updateRound(event.locals.db, user, event.params.courseId, event.params.roundId, settings.data);
			return { settingsSaved: true };
		} catch (err) {
			const failure = domainFailure(err, formData);
			return fail(failure.status, { settingsValues: values, settingsErrors: failure.data.errors, message: failure.data.message });
		}
	},
	delete: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		try {
			await deleteRound(event.locals.db, user, event.params.courseId, event.params.roundId);
		} catch (err) {
			return domainFailure(err, formData);
		}
		redirect(303, `/courses/${event.params.courseId}/feedback`);
	}
};
