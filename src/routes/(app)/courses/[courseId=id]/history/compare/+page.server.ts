import * as v from 'valibot';
import { isDomainError } from '$lib/server/errors';
import { orHttpError, requireUser } from '$lib/server/guard';
import { compareVersions, listVersions } from '$lib/server/versions';
import { compareSchema } from '$lib/server/versions/schema';
import type { PageServerLoad } from './$types';

// A GET form with query parameters (?from=3&to=current), so comparing works without JavaScript
// and a comparison can be linked to. Bad or missing choices come back next to their select.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = event.locals;
	const courseId = event.params.courseId;
	const query = event.url.searchParams;
	const versions = await orHttpError(listVersions(db, user, courseId));
	const choices = { from: query.get('from') ?? '', to: query.get('to') ?? 'current' };
	const showUnchanged = query.get('unchanged') === 'show';

	// Opened without a choice (from the tab, say): just the form.
	if (!query.has('from')) return { versions, choices, showUnchanged, errors: {}, comparison: null };
	const parsed = v.safeParse(compareSchema, choices);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.issues) errors[v.getDotPath(issue) ?? 'from'] ??= issue.message;
		return { versions, choices, showUnchanged, errors, comparison: null };
	}
	try {
		const comparison = await compareVersions(event.locals, user, courseId, parsed.output.from, parsed.output.to);
		return { versions, choices, showUnchanged, errors: {}, comparison };
	} catch (err) {
		if (isDomainError(err) && err.field) return { versions, choices, showUnchanged, errors: { [err.field]: err.message }, comparison: null };
		return orHttpError(Promise.reject(err));
	}
};
