import { json } from '@sveltejs/kit';
import { isDomainError } from '../errors';

/** A domain error as the comments API's JSON answer: `{ error: { code, message, field? } }`. */
export async function jsonAnswer(work: () => Promise<unknown>): Promise<Response> {
	try {
		return json((await work()) ?? { ok: true });
	} catch (err) {
		if (!isDomainError(err)) throw err;
		return json({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } }, { status: err.status });
	}
}
