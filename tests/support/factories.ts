import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import * as Y from 'yjs';
import type { CourseSpec } from '$lib/course-spec/types';
import { parseSpec } from '$lib/course-spec/schema';
import { specToDoc } from '$lib/course-spec/doc';
import { canonicalJson } from '$lib/course-spec/canonical-json';
import { generateId } from '$lib/server/ids';
import { indexPublishedVersion } from '$lib/server/catalogue';
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

export interface PublishedCourse {
	courseId: string;
	slug: string;
	publisher: User;
	versions: number;
}

interface PublishOptions {
	changeNotes?: string;
	publishedAt?: Date;
	/** Skip parseSpec, to see what public pages make of content the schema would refuse. */
	unvalidated?: boolean;
}

function sqlBytes(bytes: Uint8Array) {
	return sql<Uint8Array>`decode(${Buffer.from(bytes).toString('base64')}, 'base64')`;
}

/**
 * Inserts a published version exactly as publishing does (spec validated by parseSpec, content hash
 * = SHA-256 of its canonical JSON, frozen Yjs state) and indexes it for the catalogue, as the publish
 * verb does in its transaction.
 */
async function insertPublishedVersion(
	db: Kysely<Database>,
	courseId: string,
	number: number,
	input: CourseSpec,
	publisher: User,
	options: PublishOptions
): Promise<void> {
	const parsed = options.unvalidated ? ({ ok: true, spec: input } as const) : parseSpec(input);
	if (!parsed.ok) throw new Error(`buildPublishedCourse: invalid spec: ${JSON.stringify(parsed.issues)}`);
	const spec = parsed.spec;
	const doc = specToDoc(spec, new Y.Doc());
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	const publishedAt = options.publishedAt ?? new Date();
	await db
		.insertInto('published_versions')
		.values({
			id: generateId(),
			course_id: courseId,
			number,
			state: sqlBytes(state),
			spec: JSON.stringify(spec),
			content_hash: createHash('sha256').update(canonicalJson(spec)).digest('hex'),
			change_notes: options.changeNotes ?? '',
			approved_by: publisher.id,
			approved_at: publishedAt,
			published_by: publisher.id,
			published_at: publishedAt
		})
		.execute();
	await indexPublishedVersion(db, courseId);
}

/** A course with its first published version (v1), listed in the catalogue. */
export async function buildPublishedCourse(
	db: Kysely<Database>,
	spec: CourseSpec,
	options: PublishOptions & { slug?: string; publisher?: User } = {}
): Promise<PublishedCourse> {
	const publisher = options.publisher ?? (await buildUser(db, { name: 'Coordinator' }));
	const title = Object.values(spec.title)[0] ?? 'Course';
	const course = await createCourse(db, publisher, { title });
	counter += 1;
	const slug =
		options.slug ??
		`${title.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)}-${counter}`;
	await db.updateTable('courses').set({ slug, status: 'published' }).where('id', '=', course.id).execute();
	await insertPublishedVersion(db, course.id, 1, spec, publisher, options);
	return { courseId: course.id, slug, publisher, versions: 1 };
}

/** Publishes the next version (vN+1) of a published course. */
export async function publishNextVersion(
	db: Kysely<Database>,
	course: PublishedCourse,
	spec: CourseSpec,
	options: PublishOptions = {}
): Promise<void> {
	course.versions += 1;
	await insertPublishedVersion(db, course.courseId, course.versions, spec, course.publisher, options);
}
