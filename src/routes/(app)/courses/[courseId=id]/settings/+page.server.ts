import { redirect } from '@sveltejs/kit';
import { invalid } from '$lib/server/errors';
import { courseBadgeStatus, uploadCourseBadge, useGeneratedBadge } from '$lib/server/credential-exports';
import {
	addCourseLanguage,
	courseLanguages,
	makeCoursePrimaryLanguage,
	removeCourseLanguage,
	renameCourse,
	setCourseArchived
} from '$lib/server/courses';
import { courseLanguageSchema, removeCourseLanguageSchema, renameCourseSchema } from '$lib/server/courses/schema';
import { coCreationSetting, setCoCreationShown } from '$lib/server/contributions';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Besides what the course layout loads (and authorises): which badge the next published version takes,
// and the course's languages.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = event.locals;
	const { courseId } = event.params;
	const [badge, coCreation, languages] = await Promise.all([
		orHttpError(courseBadgeStatus(db, user, courseId)),
		orHttpError(coCreationSetting(db, user, courseId)),
		orHttpError(courseLanguages(event.locals, user, courseId))
	]);
	return { badge, coCreation, languages };
};

export const actions: Actions = {
	uploadBadge: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const file = formData.get('badge');
		if (!(file instanceof File) || file.size === 0) return domainFailure(invalid(m.settings_badge_choose_file(), 'badge'), new FormData());
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
	addLanguage: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(courseLanguageSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await addCourseLanguage(event.locals, user, event.params.courseId, parsed.data.language);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { languageAdded: parsed.data.language };
	},
	removeLanguage: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(removeCourseLanguageSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const { language, confirmedTexts } = parsed.data;
		try {
			const result = await removeCourseLanguage(event.locals, user, event.params.courseId, language, confirmedTexts ?? null);
			// More was written than the owner confirmed losing: ask again, with the new count.
			if (!result.removed) return { confirmRemove: { code: language, texts: result.texts } };
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { languageRemoved: language };
	},
	primaryLanguage: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(courseLanguageSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await makeCoursePrimaryLanguage(event.locals, user, event.params.courseId, parsed.data.language);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { primaryChanged: parsed.data.language };
	},
	rename: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(renameCourseSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await renameCourse(event.locals, user, event.params.courseId, parsed.data.title);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { renamed: true };
	},
	archive: async (event) => {
		const user = requireUser(event);
		try {
			await setCourseArchived(event.locals, user, event.params.courseId, true);
		} catch (err) {
			return domainFailure(err, new FormData());
		}
		redirect(303, `/courses/${event.params.courseId}/settings`);
	},
	unarchive: async (event) => {
		const user = requireUser(event);
		try {
			await setCourseArchived(event.locals, user, event.params.courseId, false);
		} catch (err) {
			return domainFailure(err, new FormData());
		}
		redirect(303, `/courses/${event.params.courseId}/settings`);
	}
};
