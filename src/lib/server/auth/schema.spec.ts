import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { signupSchema } from './schema';

describe('signupSchema', () => {
	const parse = (password: string, name = 'Liisa Lecturer', email = 'liisa@example.org') =>
		v.safeParse(signupSchema, { name, email, password });
	const passwordIssue = (result: ReturnType<typeof parse>) =>
		result.issues?.find((i) => v.getDotPath(i) === 'password')?.message;

	it('accepts a hard-to-guess password', () => {
		expect(parse('a long enough password').success).toBe(true);
	});

	it('refuses a common password on the password field, with the reason', () => {
		expect(passwordIssue(parse('password123'))).toMatch(/^This password is too easy to guess\. This is a commonly used password\./);
	});

	it('takes the name and email into account', () => {
		expect(passwordIssue(parse('LiisaLecturer2024'))).toMatch(/personal/);
		expect(parse('LiisaLecturer2024', 'Pekka Partner', 'pekka@example.org').success).toBe(true);
	});
});
