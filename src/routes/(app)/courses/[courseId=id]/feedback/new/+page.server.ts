import { m } from '$lib/paraglide/messages';
import * as v from 'valibot';
import { error, fail, redirect } from '@sveltejs/kit';
import { createRound } from '$lib/server/feedback';
import { parseRoundSettings, versionChoice } from '$lib/server/feedback/schema';
import { newRoundValues, submittedRoundValues, timeZones } from '$lib/server/feedback/settings-form';
import { domainFailure, readForm } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import { listVersions } from '$lib/server/versions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { feedback } = await event.parent();
	if (!feedback.manage) error(403, m.feedback_error_manage_only());
	const versions = await orHttpError(listVersions(event.locals.db, user, event.params.courseId));
	return { versions, timeZones: timeZones(), defaults: newRoundValues(event.locals.locale) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const values = submittedRoundValues(formData);
		const version = v.safeParse(versionChoice, { version: formData.get('version') ?? '' });
		const settings = parseRoundSettings(formData);
		const errors = { ...(version.success ? {} : { version: version.issues[0].message }), ...(settings.ok ? {} : settings.errors) };
		if (!version.success || !settings.ok) return fail(400, { values, version: String(formData.get('version') ?? ''), errors });
		let roundId: string;
		try {
			roundId = (await createRound(event.locals.db, user, event.params.courseId, version.output.version, settings.data)).id;
		} catch (err) {
			const failure = domainFailure(err, formData);
			return fail(failure.status, { values, version: String(formData.get('version') ?? ''), errors: failure.data.errors, message: failure.data.message });
		}
		redirect(303, `/courses/${event.params.courseId}/feedback/${roundId}/questions?created=1`);
	}
};
