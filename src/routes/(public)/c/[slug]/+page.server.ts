import { error } from '@sveltejs/kit';
import { versionDownloads } from '$lib/server/credential-exports';
import { loadCoursePage } from '$lib/server/public-pages';
import { publicPathwaysOfCourse } from '$lib/server/pathways';
import type { PageServerLoad } from './$types';

// Public: the latest published version; a course never published is not found.
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const page = await loadCoursePage(locals.db, params.slug, undefined, url.origin);
	if (!page) error(404, 'No published course has this address.');
	return {
		page,
		downloads: await versionDownloads(locals.db, params.slug, page.version.number, url.origin),
		pathways: await publicPathwaysOfCourse(locals.db, params.slug)
	};
};
