import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { createUser, setCoordinator, type User } from '../users';
import { withoutLive } from '../live-context';

// The demo's people: one of each kind of user Co-course has. Addresses are on example.org (reserved
// for documentation), so no email can reach anyone.

export const DEMO_PEOPLE = {
	admin: { name: 'Aino Virtanen', email: 'admin@demo.example.org', label: 'admin' },
	coordinator: { name: 'Mikko Laine', email: 'coordinator@demo.example.org', label: 'coordinator' },
	lecturer: { name: 'Liisa Korhonen', email: 'lecturer@demo.example.org', label: 'lecturer' },
	partner: { name: 'Jari Nieminen', email: 'partner@demo.example.org', label: 'company partner (entrepreneur)' },
	student: { name: 'Emma Mäkinen', email: 'student@demo.example.org', label: 'student' }
} as const;

export type DemoRole = keyof typeof DEMO_PEOPLE;

export interface DemoAccount {
	role: DemoRole;
	label: string;
	user: User;
	/** Shown once at the end of seeding; only its argon2id hash is stored. */
	password: string;
}

// Letters and digits that cannot be mistaken for one another when copied from a terminal.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Sixteen characters from a 55-letter alphabet (about 92 random bits) in groups of four: strong, and easy to copy. */
export function demoPassword(): string {
	const chars: string[] = [];
	// Bytes past the largest multiple of the alphabet's size are skipped, so every character is equally likely.
	const limit = 256 - (256 % PASSWORD_ALPHABET.length);
	while (chars.length < 16) {
		for (const byte of randomBytes(32)) if (byte < limit && chars.length < 16) chars.push(PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length]);
	}
	return chars.join('').match(/.{4}/g)!.join('-');
}

/**
 * Creates the demo accounts. On an empty instance the demo admin is its first account and so its admin;
 * alongside existing data (`--force`) the instance keeps the admin it has and no demo admin is made,
 * so the demo never adds an administrator with a printed password to a real instance.
 */
export async function createDemoAccounts(db: Kysely<Database>, existingAdmin: User | null): Promise<{ accounts: DemoAccount[]; admin: User }> {
	const accounts: DemoAccount[] = [];
	const roles = (Object.keys(DEMO_PEOPLE) as DemoRole[]).filter((role) => !(existingAdmin && role === 'admin'));
	for (const role of roles) {
		const person = DEMO_PEOPLE[role];
		const password = demoPassword();
		const user = await createUser(db, { name: person.name, email: person.email, password });
		accounts.push({ role, label: person.label, user, password });
	}
	const admin = existingAdmin ?? accounts.find((a) => a.role === 'admin')!.user;
	if (admin.role !== 'admin') throw new Error('The first demo account did not become the instance admin: the database was not empty.');
	const coordinator = accounts.find((a) => a.role === 'coordinator')!;
	coordinator.user = await setCoordinator(withoutLive(db), admin, coordinator.user.id, true);
	return { accounts, admin };
}

/** The accounts as a table for the terminal: role, email, password. */
export function accountTable(accounts: DemoAccount[]): string[] {
	const rows = [['role', 'email', 'password'], ...accounts.map((a) => [a.label, a.user.email, a.password])];
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	const line = (row: string[]) => `  ${row.map((cell, i) => cell.padEnd(widths[i])).join('   ')}`.trimEnd();
	return [line(rows[0]), line(widths.map((w) => '─'.repeat(w))), ...rows.slice(1).map(line)];
}
