import * as v from 'valibot';
import { fail } from '@sveltejs/kit';
import { addCustomQuestion, deleteQuestion, moveQuestion, questionEditor, updateQuestion } from '$lib/server/feedback';
import { customKindSchema, moveSchema, parseQuestion, questionRef } from '$lib/server/feedback/schema';
import { domainFailure, parseForm, readForm, type FieldErrors } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		editor: await orHttpError(questionEditor(event.locals.db, user, event.params.courseId, event.params.roundId)),
		created: event.url.searchParams.has('created')
	};
};

function echo(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData) if (typeof value === 'string') values[key] = value;
	return values;
}

/** A failure that names the form it belongs to, so the message lands next to the right question. */
function failed(formData: FormData, target: string, errors: FieldErrors, status = 400, message?: string) {
	return fail(status, { target, values: echo(formData), errors, message });
}

export const actions: Actions = {
	add: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const kind = v.safeParse(customKindSchema, { kind: formData.get('kind') ?? '' });
		const input = parseQuestion(formData);
		if (!kind.success || !input.ok) return failed(formData, 'add', { ...(kind.success ? {} : { kind: kind.issues[0].message }), ...(input.ok ? {} : input.errors) });
		try {
			const question = await addCustomQuestion(event.locals.db, user, event.params.courseId, event.params.roundId, kind.output.kind, input.data);
			return { added: question.id };
		} catch (err) {
			const failure = domainFailure(err, formData);
			return failed(formData, 'add', failure.data.errors, failure.status, failure.data.message);
		}
	},
	update: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const ref = v.safeParse(questionRef, { questionId: formData.get('questionId') ?? '' });
		if (!ref.success) return failed(formData, '', {}, 400, ref.issues[0].message);
		const input = parseQuestion(formData);
		if (!input.ok) return failed(formData, ref.output.questionId, input.errors);
		try {
			await updateQuestion(event.locals.db, user, event.params.courseId, event.params.roundId, ref.output.questionId, input.data);
			return { updated: ref.output.questionId };
		} catch (err) {
			const failure = domainFailure(err, formData);
			return failed(formData, ref.output.questionId, failure.data.errors, failure.status, failure.data.message);
		}
	},
	move: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(moveSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await moveQuestion(event.locals.db, user, event.params.courseId, event.params.roundId, parsed.data.questionId, parsed.data.direction);
			return { moved: parsed.data.questionId };
		} catch (err) {
			return domainFailure(err, formData);
		}
	},
	delete: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(questionRef, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await deleteQuestion(event.locals.db, user, event.params.courseId, event.params.roundId, parsed.data.questionId);
			return { deleted: true };
		} catch (err) {
			return domainFailure(err, formData);
		}
	}
};
