import { error, redirect } from '@sveltejs/kit';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { createPathway, listPathways } from '$lib/server/pathways';
import { pathwayDetailsSchema } from '$lib/server/pathways/schema';
import { canPathway } from '$lib/server/policy/pathways';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

// Coordinators: every pathway, drafts included, with its credits and 60 ECTS flag; a form for a new one.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!canPathway(user, 'pathway.list')) error(404, m.error_not_found());
	return { pathways: await listPathways(event.locals.db, user) };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		if (!canPathway(user, 'pathway.create')) error(404, m.error_not_found());
		const formData = await readForm(event.request);
		const parsed = parseForm(pathwayDetailsSchema, formData);
		if (!parsed.ok) return parsed.failure;
		let created;
		try {
			created = await createPathway(event.locals.db, user, parsed.data);
		} catch (err) {
			return domainFailure(err, formData);
		}
		redirect(303, `/pathways/${created.id}`);
	}
};
