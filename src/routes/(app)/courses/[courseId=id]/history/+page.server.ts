import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import { listVersions, restoreVersion, saveVersion } from '$lib/server/versions';
import { restoreVersionSchema, saveVersionSchema } from '$lib/server/versions/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const namedOnly = event.url.searchParams.get('show') === 'named';
	return {
		namedOnly,
		versions: await orHttpError(listVersions(event.locals.db, user, event.params.courseId, { namedOnly }))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(saveVersionSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			const saved = await saveVersion(event.locals, user, event.params.courseId, parsed.data.name);
			return { saved: { number: saved.number, name: saved.title } };
		} catch (err) {
			return domainFailure(err, formData);
		}
	},
	restore: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(restoreVersionSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			return { restored: await restoreVersion(event.locals, user, event.params.courseId, parsed.data.number) };
		} catch (err) {
			return domainFailure(err, formData);
		}
	}
};
