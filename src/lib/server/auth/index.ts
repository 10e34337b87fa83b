import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { DomainError, invalid } from '../errors';
import { authenticate, createUser, normaliseEmail, type User } from '../users';
import { passwordProblem } from './password';
import type { AuthLimiters } from './rate-limit';
import { createSession, generateSessionToken, type Session } from './session';

export * from './session';
export { createAuthLimiters, type AuthLimiters } from './rate-limit';

export const WRONG_CREDENTIALS = 'That email and password do not match an account.';

export class RateLimitedError extends DomainError {
	constructor(readonly retryAfterSeconds: number) {
		super('rate_limited', `Too many attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s).`);
	}
}

export interface SignedIn {
	user: User;
	session: Session;
	token: string;
}

async function startSession(db: Kysely<Database>, user: User): Promise<SignedIn> {
	const token = generateSessionToken();
	const session = await createSession(db, token, user.id);
	return { user, session, token };
}

export async function signUp(
	db: Kysely<Database>,
	limiters: AuthLimiters,
	clientAddress: string,
	input: { name: string; email: string; password: string }
): Promise<SignedIn> {
	if (!limiters.byAddress.consume(clientAddress)) {
		throw new RateLimitedError(limiters.byAddress.retryAfterSeconds(clientAddress));
	}
	const problem = passwordProblem(input.password, { email: input.email, name: input.name });
	if (problem) throw invalid(problem, 'password');
	const user = await createUser(db, input);
	return startSession(db, user);
}

export async function logIn(
	db: Kysely<Database>,
	limiters: AuthLimiters,
	clientAddress: string,
	input: { email: string; password: string }
): Promise<SignedIn> {
	const accountKey = normaliseEmail(input.email);
	if (!limiters.byAddress.consume(clientAddress)) {
		throw new RateLimitedError(limiters.byAddress.retryAfterSeconds(clientAddress));
	}
	if (!limiters.byAccount.consume(accountKey)) {
		throw new RateLimitedError(limiters.byAccount.retryAfterSeconds(accountKey));
	}
	const user = await authenticate(db, input.email, input.password);
	if (!user) throw invalid(WRONG_CREDENTIALS);
	limiters.byAccount.reset(accountKey);
	return startSession(db, user);
}
