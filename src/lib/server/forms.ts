import * as v from 'valibot';
import { fail, type ActionFailure } from '@sveltejs/kit';
import { isDomainError } from './errors';

export type FieldErrors = Record<string, string>;

export interface FormFailure {
	/** Submitted values to put back into the form; secrets are never echoed. */
	values: Record<string, string>;
	errors: FieldErrors;
	/** A message that belongs to the whole form rather than one field. */
	message?: string;
}

const SECRET_FIELDS = new Set(['password', 'passwordConfirm', 'currentPassword']);

function echo(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData) {
		if (typeof value === 'string' && !SECRET_FIELDS.has(key)) values[key] = value;
	}
	return values;
}

/** Validates a form against a valibot object schema; the first issue per field becomes its message. */
export function parseForm<S extends v.GenericSchema>(
	schema: S,
	formData: FormData
): { ok: true; data: v.InferOutput<S> } | { ok: false; failure: ActionFailure<FormFailure> } {
	const raw: Record<string, unknown> = {};
	for (const [key, value] of formData) if (typeof value === 'string') raw[key] = value;
	const result = v.safeParse(schema, raw);
	if (result.success) return { ok: true, data: result.output };
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		const key = v.getDotPath(issue) ?? 'form';
		errors[key] ??= issue.message;
	}
	return { ok: false, failure: fail(400, { values: echo(formData), errors }) };
}

/** Turns an expected domain error into a form failure next to its field; anything else is rethrown. */
export function domainFailure(err: unknown, formData: FormData): ActionFailure<FormFailure> {
	if (!isDomainError(err)) throw err;
	const errors: FieldErrors = err.field ? { [err.field]: err.message } : {};
	return fail(err.status, { values: echo(formData), errors, message: err.field ? undefined : err.message });
}
