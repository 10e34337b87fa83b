import { feedbackPermissions } from '$lib/server/feedback';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

// These flags only shape the pages; every action checks the policy again in its domain verb.
export const load: LayoutServerLoad = async (event) => {
	const user = requireUser(event);
	return { feedback: await orHttpError(feedbackPermissions(event.locals.db, user, event.params.courseId)) };
};
