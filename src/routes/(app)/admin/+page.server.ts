import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { can } from '$lib/server/policy';
import { getProviderProfile, updateProviderProfile } from '$lib/server/settings';
import { providerProfileSchema, roleChangeSchema } from '$lib/server/settings/schema';
import { listUsers, setCoordinator } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!can(user, 'admin.settings')) error(404, m.error_not_found());
	const [profile, users] = await Promise.all([getProviderProfile(event.locals.db), listUsers(event.locals.db)]);
	return { profile, users, me: user.id };
};

export const actions: Actions = {
	profile: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(providerProfileSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await updateProviderProfile(event.locals.db, user, parsed.data);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { profileSaved: true };
	},
	role: async (event) => {
		const user = requireUser(event);
		if (!can(user, 'admin.roles')) error(404, m.error_not_found());
		const formData = await readForm(event.request);
		const parsed = parseForm(roleChangeSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await setCoordinator(event.locals, user, parsed.data.userId, parsed.data.coordinator);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { roleChanged: parsed.data.userId };
	}
};
