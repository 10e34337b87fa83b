import { error } from '@sveltejs/kit';
import { versionDownloads } from '$lib/server/credential-exports';
import { loadCoursePage } from '$lib/server/public-pages';
import { publicPathwaysOfCourse } from '$lib/server/pathways';
import type { PageServerLoad } from './$types';

// Public: the latest published version; a course never published is not found.
export const load: PageServerLoad = async ({ params, url, locals, request, setHeaders }) => {
	const page = await loadCoursePage(locals.db, params.slug, undefined, url.origin, {
		lang: url.searchParams.get('lang'),
		acceptLanguage: request.headers.get('accept-language')
	});
	if (!page) error(404, 'No published course has this address.');
	// The plain address answers in the reader's language: caches must keep one copy per language.
	if (page.edition.negotiated) setHeaders({ Vary: 'Accept-Language' });
	return {
		page,
		downloads: await versionDownloads(locals.db, params.slug, page.version.number, url.origin),
		pathways: await publicPathwaysOfCourse(locals.db, params.slug)
	};
};
