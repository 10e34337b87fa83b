import { hash, verify } from '@node-rs/argon2';
import { m } from '$lib/paraglide/messages';
import { weakPasswordReason } from './password-strength';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/**
 * Returns a message for the password field, or null when the password is acceptable. The person's
 * name and email count as guessable, since attackers try them first.
 */
export function passwordProblem(password: string, person: { email?: string; name?: string } = {}): string | null {
	if (password.length < PASSWORD_MIN_LENGTH) return m.form_min_characters({ min: PASSWORD_MIN_LENGTH });
	if (password.length > PASSWORD_MAX_LENGTH) return m.form_max_characters({ max: PASSWORD_MAX_LENGTH });
	return weakPasswordReason(password, person);
}
