import { previewView } from '$lib/server/feedback';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		preview: await orHttpError(previewView(event.locals.db, user, event.params.courseId, event.params.roundId)),
		phone: event.url.searchParams.get('width') === 'phone'
	};
};
