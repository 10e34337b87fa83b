import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './password';

describe('passwordProblem', () => {
	it.each(['correct horse battery', 'a long enough password', 'Tr0ub4dour&3 on a bike'])('accepts the passphrase %s', (password) => {
		expect(passwordProblem(password, { name: 'Ada Lovelace', email: 'ada@example.org' })).toBeNull();
	});

	it.each([
		['too short', 'abcdefghij'.slice(0, PASSWORD_MIN_LENGTH - 1), /at least 10/],
		['too long', 'abcd'.repeat(PASSWORD_MAX_LENGTH / 4) + 'e', /at most 256/]
	])('refuses a password that is %s', (_, password, message) => {
		expect(passwordProblem(password)).toMatch(message);
	});

	it.each([
		['a common password', 'password123', /commonly used password/],
		['a keyboard row', 'qwertyuiop', /frequently used password/],
		['a character sequence', 'abcdefghij', /sequences like "abc"/],
		['a repeated pattern', 'abababababab', /easy to guess/i],
		['a common password with a year', 'salasana2024', /similar to a commonly used password/]
	])('refuses %s and says why', (_, password, why) => {
		const problem = passwordProblem(password);
		expect(problem).toMatch(/^This password is too easy to guess\./);
		expect(problem).toMatch(why);
	});

	it('refuses a password made of the person’s own name or email, in any case', () => {
		const person = { name: 'Liisa Lecturer', email: 'liisa@example.org' };
		expect(passwordProblem('Liisa@Example.org', person)).toMatch(/personal/);
		expect(passwordProblem('liisalecturer2024', person)).toMatch(/personal/);
		// The same password is fine for someone else.
		expect(passwordProblem('liisalecturer2024', { name: 'Pekka Partner', email: 'pekka@example.org' })).toBeNull();
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
