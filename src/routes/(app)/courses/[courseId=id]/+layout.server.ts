import { authorizeCourse } from '$lib/server/courses';
import { orHttpError, requireUser } from '$lib/server/guard';
import { can } from '$lib/server/policy';
import { reviewSummary } from '$lib/server/review';
import type { LayoutServerLoad } from './$types';

// These flags only shape the pages; every action checks the policy again in its domain verb.
export const load: LayoutServerLoad = async (event) => {
	const user = requireUser(event);
	const access = await orHttpError(authorizeCourse(event.locals.db, user, event.params.courseId, 'course.view'));
	const { course, membership, context } = access;
	return {
		course: {
			id: course.id,
			title: course.title,
			status: course.status,
			archived: course.archived_at !== null
		},
		// Where the course stands in review, for the header: the access above has been checked.
		review: await reviewSummary(event.locals.db, course.id),
		membership,
		permissions: {
			edit: can(user, 'course.edit', context),
			rename: can(user, 'course.rename', context),
			archive: can(user, 'course.archive', context),
			manageTeam: can(user, 'course.manageTeam', context),
			leave: can(user, 'course.leave', context),
			saveVersion: can(user, 'version.save', context),
			restoreVersion: can(user, 'version.restore', context),
			badge: can(user, 'course.badge', context)
		}
	};
};
