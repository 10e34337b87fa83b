import type { Kysely } from 'kysely';
import type { Database, CourseRole, Perspective } from '$lib/server/db/types';
import { createUser, type User } from '$lib/server/users';
import { createCourse, addOrUpgradeMember } from '$lib/server/courses';
import { createSession, generateSessionToken } from '$lib/server/auth/session';

let counter = 0;

export async function buildUser(
	db: Kysely<Database>,
	overrides: Partial<{ name: string; email: string; password: string }> = {}
): Promise<User & { password: string }> {
	counter += 1;
	const password = overrides.password ?? 'correct horse battery';
	const user = await createUser(db, {
		name: overrides.name ?? `Person ${counter}`,
		email: overrides.email ?? `person${counter}-${crypto.randomUUID().slice(0, 6)}@example.org`,
		password
	});
	return { ...user, password };
}

export async function buildSession(db: Kysely<Database>, userId: string): Promise<string> {
	const token = generateSessionToken();
	await createSession(db, token, userId);
	return token;
}

export async function buildCourse(db: Kysely<Database>, owner: User, title = 'Platform economy basics') {
	return createCourse(db, owner, { title });
}

export async function addMember(
	db: Kysely<Database>,
	courseId: string,
	userId: string,
	role: CourseRole,
	perspective: Perspective = 'other'
) {
	await addOrUpgradeMember(db, courseId, userId, role, perspective);
}
