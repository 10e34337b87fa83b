import * as v from 'valibot';
import { error, fail, isHttpError, type ActionFailure } from '@sveltejs/kit';
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

/**
 * The submitted form. A body that does not parse (a broken multipart boundary, a cut-off upload) is the
 * sender's fault: it gets a 400 and the error page, not a 500 in our logs.
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (err) {
		// SvelteKit's own refusals keep their status: a body over BODY_SIZE_LIMIT errors the stream with
		// its (internal) SvelteKitError carrying 413.
		if (isHttpError(err) || hasStatus(err)) throw err;
		error(400, 'We could not read the form you sent. Reload the page and try again.');
	}
}

function hasStatus(err: unknown): boolean {
	return err instanceof Error && typeof (err as { status?: unknown }).status === 'number';
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
