import { error } from '@sveltejs/kit';
import { versionDownloads } from '$lib/server/credential-exports';
import { loadCoursePage } from '$lib/server/public-pages';
import { publicPathwaysOfCourse } from '$lib/server/pathways';
import type { PageServerLoad } from './$types';

// Public: one published version of a course.
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const page = await loadCoursePage(locals.db, params.slug, Number(params.number), url.origin);
	if (!page) error(404, 'This course has no published version with that number.');
	return {
		page,
		downloads: await versionDownloads(locals.db, params.slug, page.version.number, url.origin),
		pathways: await publicPathwaysOfCourse(locals.db, params.slug)
	};
};
