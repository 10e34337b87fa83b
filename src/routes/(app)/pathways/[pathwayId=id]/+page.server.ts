import { error, type RequestEvent } from '@sveltejs/kit';
import type * as v from 'valibot';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import { addPart, findCandidates, loadPathway, movePart, removePart, setPathwayPublished, updatePathwayDetails } from '$lib/server/pathways';
import { moveSchema, partSchema, pathwayDetailsSchema } from '$lib/server/pathways/schema';
import { canPathway } from '$lib/server/policy/pathways';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

// The pathway editor: details, parts (add from published courses, reorder, remove), publishing.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!canPathway(user, 'pathway.edit')) error(404, m.error_not_found());
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 200);
	const [pathway, candidates] = await Promise.all([
		orHttpError(loadPathway(event.locals.db, user, event.params.pathwayId)),
		findCandidates(event.locals.db, user, event.params.pathwayId, q)
	]);
	return { pathway, candidates, q };
};

/** Runs one form of the page: parse, then the domain verb; failures come back next to their field. */
async function run<S extends v.GenericSchema>(
	event: RequestEvent<{ pathwayId: string }>,
	schema: S | null,
	verb: (user: ReturnType<typeof requireUser>, data: v.InferOutput<S>) => Promise<unknown>,
	done: Record<string, unknown>
) {
	const user = requireUser(event);
	const formData = await readForm(event.request);
	let data = {} as v.InferOutput<S>;
	if (schema) {
		const parsed = parseForm(schema, formData);
		if (!parsed.ok) return parsed.failure;
		data = parsed.data;
	}
	try {
		await verb(user, data);
	} catch (err) {
		return domainFailure(err, formData);
	}
	return done;
}

export const actions: Actions = {
	details: (event) =>
		run(event, pathwayDetailsSchema, (user, d) => updatePathwayDetails(event.locals.db, user, event.params.pathwayId, d), { saved: 'details' }),
	add: (event) => run(event, partSchema, (user, d) => addPart(event.locals.db, user, event.params.pathwayId, d.courseId), { saved: 'added' }),
	remove: (event) =>
		run(event, partSchema, (user, d) => removePart(event.locals.db, user, event.params.pathwayId, d.courseId), { saved: 'removed' }),
	move: (event) =>
		run(event, moveSchema, (user, d) => movePart(event.locals.db, user, event.params.pathwayId, d.courseId, d.direction), { saved: 'moved' }),
	publish: (event) => run(event, null, (user) => setPathwayPublished(event.locals.db, user, event.params.pathwayId, true), { saved: 'published' }),
	unpublish: (event) =>
		run(event, null, (user) => setPathwayPublished(event.locals.db, user, event.params.pathwayId, false), { saved: 'unpublished' })
};
