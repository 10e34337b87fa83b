import { responsesCsv } from '$lib/server/feedback';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const { filename, csv } = await orHttpError(responsesCsv(event.locals.db, user, event.params.courseId, event.params.roundId));
	return new Response(csv, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'private, no-store' }
	});
};
