import { redirect } from '@sveltejs/kit';
import { invalid } from '$lib/server/errors';
import { courseBadgeStatus, uploadCourseBadge, useGeneratedBadge } from '$lib/server/credential-exports';
import { renameCourse, setCourseArchived } from '$lib/server/courses';
import { coCreationSetting, setCoCreationShown } from '$lib/server/contributions';
import { renameCourseSchema } from '$lib/server/courses/schema';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Besides what the course layout loads (and authorises): which badge the next published version takes.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const [badge, coCreation] = await Promise.all([
		orHttpError(courseBadgeStatus(event.locals.db, user, event.params.courseId)),
		orHttpError(coCreationSetting(event.locals.db, user, event.params.courseId))
	]);
	return { badge, coCreation };
};

export const actions: Actions = {
	uploadBadge: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const file = formData.get('badge');
		if (!(file instanceof File) || file.size === 0) return domainFailure(invalid('Choose a PNG or SVG file to upload.', 'badge'), new FormData());
		try {
			const stored = await uploadCourseBadge(event.locals.db, user, event.params.courseId, {
				name: file.name,
				type: file.type,
				bytes: new Uint8Array(await file.arrayBuffer())
			});
			return { badgeUploaded: stored };
		} catch (err) {
			return domainFailure(err, new FormData());
		}
	},
	generatedBadge: async (event) => {
		const user = requireUser(event);
		try {
			await useGeneratedBadge(event.locals.db, user, event.params.courseId);
		} catch (err) {
			return domainFailure(err, new FormData());
		}
		return { badgeReset: true };
	},
	coCreation: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		// A checkbox: sent as "on" when ticked, absent when not.
		const raw = formData.get('showCoCreation');
		if (raw !== null && raw !== 'on') return domainFailure(invalid(m.settings_co_creation_invalid(), 'showCoCreation'), new FormData());
		try {
			await setCoCreationShown(event.locals.db, user, event.params.courseId, raw === 'on');
		} catch (err) {
			return domainFailure(err, new FormData());
		}
		return { coCreationSaved: true };
	},
	rename: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(renameCourseSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await renameCourse(event.locals.db, user, event.params.courseId, parsed.data.title);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { renamed: true };
	},
	archive: async (event) => {
		const user = requireUser(event);
		try {
			await setCourseArchived(event.locals.db, user, event.params.courseId, true);
		} catch (err) {
			return domainFailure(err, new FormData());
		}
		redirect(303, `/courses/${event.params.courseId}/settings`);
	},
	unarchive: async (event) => {
		const user = requireUser(event);
		try {
			await setCourseArchived(event.locals.db, user, event.params.courseId, false);
		} catch (err) {
			return domainFailure(err, new FormData());
		}
		redirect(303, `/courses/${event.params.courseId}/settings`);
	}
};
