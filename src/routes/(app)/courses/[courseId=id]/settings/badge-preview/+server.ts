import { previewCourseBadge } from '$lib/server/credential-exports';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { RequestHandler } from './$types';

// The team: the badge the next published version will carry (the upload, or the generated one as the document is now).
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const badge = await orHttpError(previewCourseBadge(event.locals, user, event.params.courseId));
	return new Response(badge.body as BodyInit, {
		headers: {
			'Content-Type': badge.contentType,
			'Cache-Control': 'private, no-store',
			// An SVG opened on its own is a document: nothing in it may run or load.
			'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox"
		}
	});
};
