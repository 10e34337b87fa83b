import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { publicationFeedback } from '$lib/server/feedback';
import { listPublishedVersions, presentPublicSpec } from '$lib/server/public-pages';
import type { PageServerLoad } from './$types';

// Public: every published version of a course with its change notes and what it did after pilot feedback.
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const found = await listPublishedVersions(locals.db, params.slug);
	if (!found) error(404, m.public_not_found_course());
	const spec = presentPublicSpec(found.latest.spec);
	const versions = await Promise.all(
		found.versions.map(async ({ id, ...version }) => ({ ...version, pilotFeedback: await publicationFeedback(locals.db, id) }))
	);
	return {
		slug: found.slug,
		title: spec.title,
		provider: spec.provider,
		lang: spec.lang,
		retired: found.retiredAt !== null,
		versions,
		canonical: `${url.origin}/c/${encodeURIComponent(found.slug)}/versions`
	};
};
