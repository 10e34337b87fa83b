import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Database } from '../db/types';
import { invalid } from '../errors';
import { authenticate, createUser, normaliseEmail, type User } from '../users';
import { passwordProblem } from './password';
import type { AuthLimiters } from './rate-limit';
import { createSession, generateSessionToken, type Session } from './session';

export * from './session';
export { AuthLimiters, createAuthLimiters, RateLimitedError } from './rate-limit';

/** One message for a wrong email and a wrong password alike: it must not reveal which accounts exist. */
export const wrongCredentialsMessage = (): string => m.auth_wrong_credentials();

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
	await limiters.checkSignup(clientAddress);
	const problem = passwordProblem(input.password, { email: input.email, name: input.name });
	if (problem) throw invalid(problem, 'password');
	const user = await createUser(db, input);
	await limiters.signedIn(user.email, clientAddress);
	return startSession(db, user);
}

export async function logIn(
	db: Kysely<Database>,
	limiters: AuthLimiters,
	clientAddress: string,
	input: { email: string; password: string }
): Promise<SignedIn> {
	const accountKey = normaliseEmail(input.email);
	await limiters.checkLogin(accountKey, clientAddress);
	const user = await authenticate(db, input.email, input.password);
	if (!user) {
		await limiters.loginFailed(accountKey, clientAddress);
		throw invalid(wrongCredentialsMessage());
	}
	await limiters.signedIn(accountKey, clientAddress);
	return startSession(db, user);
}
