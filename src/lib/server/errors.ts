import { m } from '$lib/paraglide/messages';

/**
 * Errors the domain raises on purpose. Each carries an HTTP status and a stable code; routes turn them
 * into `error()` / `fail()` and `handleError` never sees them as crashes.
 */
export type DomainErrorCode =
	| 'not_found'
	| 'forbidden'
	| 'conflict'
	| 'invalid'
	| 'rate_limited'
	| 'unauthenticated';

const STATUS: Record<DomainErrorCode, number> = {
	not_found: 404,
	forbidden: 403,
	conflict: 409,
	invalid: 400,
	rate_limited: 429,
	unauthenticated: 401
};

export class DomainError extends Error {
	readonly status: number;
	constructor(
		readonly code: DomainErrorCode,
		message: string,
		/** The form field the message belongs next to, when there is one. */
		readonly field?: string
	) {
		super(message);
		this.name = 'DomainError';
		this.status = STATUS[code];
	}
}

// Defaults are read when the error arises, so they are in the language of the request.
export const notFound = (message: string = m.error_not_found()) => new DomainError('not_found', message);
export const forbidden = (message: string = m.error_forbidden()) => new DomainError('forbidden', message);
export const conflict = (message: string, field?: string) => new DomainError('conflict', message, field);
export const invalid = (message: string, field?: string) => new DomainError('invalid', message, field);

export function isDomainError(err: unknown): err is DomainError {
	return err instanceof DomainError;
}
