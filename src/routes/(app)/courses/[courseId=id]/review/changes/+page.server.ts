import * as v from 'valibot';
import { isDomainError } from '$lib/server/errors';
import { orHttpError, requireUser } from '$lib/server/guard';
import { compareForReview, REVIEW_SIDES } from '$lib/server/review';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

// A GET page (?from=published&to=submission) so every comparison can be linked to and works without JavaScript.
const side = v.picklist(REVIEW_SIDES, () => m.review_choose_what_to_compare());
const query = v.object({ from: side, to: side });

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const params = event.url.searchParams;
	const choices = { from: params.get('from') ?? 'submission', to: params.get('to') ?? 'current' };
	const showUnchanged = params.get('unchanged') === 'show';
	const parsed = v.safeParse(query, choices);
	if (!parsed.success) return { choices, showUnchanged, problem: parsed.issues[0].message, comparison: null };
	try {
		const comparison = await compareForReview(event.locals, user, event.params.courseId, parsed.output.from, parsed.output.to);
		return { choices, showUnchanged, problem: null, comparison };
	} catch (err) {
		if (isDomainError(err) && err.code === 'invalid') return { choices, showUnchanged, problem: err.message, comparison: null };
		return orHttpError(Promise.reject(err));
	}
};
