import { error } from '@sveltejs/kit';
import { thanksView } from '$lib/server/feedback';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const thanks = await thanksView(locals.db, params.token);
	if (!thanks) error(404, m.feedback_link_unknown_short());
	return { thanks };
};
