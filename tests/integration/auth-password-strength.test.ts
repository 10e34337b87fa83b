import { beforeEach, describe, expect, it } from 'vitest';
import { createAuthLimiters, signUp } from '$lib/server/auth';
import { createTestDatabase, resetTables } from '$tests/support/db';

const database = await createTestDatabase();
const { db } = database;

beforeEach(() => resetTables(database));

const signUpAs = (name: string, email: string, password: string) =>
	signUp(db, createAuthLimiters(db), '192.0.2.1', { name, email, password });

async function accounts(): Promise<number> {
	return (await db.selectFrom('users').select('id').execute()).length;
}

describe('signing up with a guessable password', () => {
	it.each([
		['password123', /commonly used password/],
		['qwertyuiop12', /keyboard|frequently used|commonly used/],
		['salasana2024', /similar to a commonly used password/]
	])('refuses %s on the password field, says why, and makes no account', async (password, why) => {
		const err = await signUpAs('Maija Meikäläinen', 'maija@example.org', password).catch((e: unknown) => e);
		expect(err).toMatchObject({ code: 'invalid', field: 'password' });
		expect((err as Error).message).toMatch(/^This password is too easy to guess\./);
		expect((err as Error).message).toMatch(why);
		expect(await accounts()).toBe(0);
	});

	it('refuses a password built from the person’s own name, but not someone else’s', async () => {
		const err = await signUpAs('Liisa Lecturer', 'liisa@example.org', 'LiisaLecturer2024').catch((e: unknown) => e);
		expect(err).toMatchObject({ code: 'invalid', field: 'password' });
		expect((err as Error).message).toMatch(/personal/);
		expect(await accounts()).toBe(0);

		await signUpAs('Pekka Partner', 'pekka@example.org', 'LiisaLecturer2024');
		expect(await accounts()).toBe(1);
	});

	it('accepts the passphrase the browser tests use', async () => {
		await signUpAs('Ada Lovelace', 'ada@example.org', 'a long enough password');
		expect(await accounts()).toBe(1);
	});
});
