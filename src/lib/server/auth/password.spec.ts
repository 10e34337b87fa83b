import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './password';

describe('passwordProblem', () => {
	it('accepts an ordinary passphrase', () => {
		expect(passwordProblem('correct horse battery')).toBeNull();
		expect(passwordProblem('abcdefghij'.slice(0, PASSWORD_MIN_LENGTH))).toBeNull();
	});

	it.each([
		['too short', 'abcdefghij'.slice(0, PASSWORD_MIN_LENGTH - 1), /at least 10/],
		['too long', 'abcd'.repeat(PASSWORD_MAX_LENGTH / 4) + 'e', /at most 256/],
		['too few different characters', 'abababababab', /more different characters/]
	])('refuses a password that is %s', (_, password, message) => {
		expect(passwordProblem(password)).toMatch(message);
	});

	it('refuses the email address as the password, in any case', () => {
		expect(passwordProblem('Ada@Example.org', { email: 'ada@example.org' })).toMatch(/email address/);
		expect(passwordProblem('ada@example.org!', { email: 'ada@example.org' })).toBeNull();
	});
});

describe('hashPassword / verifyPassword', () => {
	it('produces a salted argon2id hash that verifies only the right password', async () => {
		const [a, b] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
		expect(a.startsWith('$argon2id$')).toBe(true);
		expect(a).not.toBe(b);
		expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(a, 'correct horse battery ')).toBe(false);
	});

	it('answers false, not an exception, for a malformed hash', async () => {
		expect(await verifyPassword('not a hash', 'whatever')).toBe(false);
	});
});
