import { error } from '@sveltejs/kit';
import { thanksView } from '$lib/server/feedback';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const thanks = await thanksView(locals.db, params.token);
	if (!thanks) error(404, 'This link does not work. Check that you copied the whole link.');
	return { thanks };
};
