import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { diffSpecs } from '$lib/course-spec/diff';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database, VersionKind } from '../db/types';
import { generateId } from '../ids';

// Writing version rows. Every kind goes through addVersion, so numbering and the "nothing changed"
// rule are the same for people's versions and the server's.

export interface NewVersion {
	courseId: string;
	kind: VersionKind;
	name?: string | null;
	/** The whole document as one Yjs update. */
	state: Uint8Array;
	spec: CourseSpec;
	createdBy?: string | null;
	participants?: string[];
	restoredFrom?: number | null;
}

export interface StoredVersion {
	added: true;
	number: number;
	createdAt: Date;
}

/** Nothing was added: the latest version, `number`, already reads the same. */
export interface SkippedVersion {
	added: false;
	number: number;
}

/**
 * Adds a version with the next number of its course. With `unlessUnchanged`, nothing is added when
 * the spec reads the same as the course's latest version of any kind; an automatic snapshot of the
 * same state as the latest automatic one adds its participants to that one instead.
 */
export function addVersion(db: Kysely<Database>, version: NewVersion): Promise<StoredVersion>;
export function addVersion(
	db: Kysely<Database>,
	version: NewVersion,
	options: { unlessUnchanged: boolean }
): Promise<StoredVersion | SkippedVersion>;
export async function addVersion(
	db: Kysely<Database>,
	version: NewVersion,
	{ unlessUnchanged = false }: { unlessUnchanged?: boolean } = {}
): Promise<StoredVersion | SkippedVersion> {
	return db.transaction().execute(async (trx) => {
		// Locking the course row serialises additions to one course, so two never take the same number.
		await trx.selectFrom('courses').select('id').where('id', '=', version.courseId).forUpdate().executeTakeFirstOrThrow();
		const latest = await latestVersion(trx, version.courseId, unlessUnchanged);
		if (unlessUnchanged && latest?.spec && diffSpecs(latest.spec, version.spec).changes === 0) {
			// With several app processes, each snapshots a course when its own last person leaves: the
			// same state then arrives twice (the row lock above puts them one after the other), and is
			// kept once with the people of both.
			if (version.kind === 'automatic' && latest.kind === 'automatic') await addParticipants(trx, version.courseId, latest, version.participants ?? []);
			return { added: false as const, number: latest.number };
		}
		const number = (latest?.number ?? 0) + 1;
		const row = await trx
			.insertInto('course_versions')
			.values({
				id: generateId(),
				course_id: version.courseId,
				number,
				kind: version.kind,
				name: version.name ?? null,
				state: bytesAsBase64(version.state),
				spec: JSON.stringify(version.spec),
				created_by: version.createdBy ?? null,
				participants: version.participants ?? [],
				restored_from: version.restoredFrom ?? null
			})
			.returning('created_at')
			.executeTakeFirstOrThrow();
		return { added: true as const, number, createdAt: new Date(row.created_at) };
	});
}

/**
 * Document bytes cross the driver as base64 text, as in realtime/persistence.ts: PGlite converts
 * raw bytea one byte at a time on the event loop that also serves every live socket, and automatic
 * snapshots write whole documents regularly.
 */
function bytesAsBase64(bytes: Uint8Array): RawBuilder<Uint8Array> {
	const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
	return sql<Uint8Array>`decode(${base64}, 'base64')`;
}

async function latestVersion(
	trx: Transaction<Database>,
	courseId: string,
	withSpec: boolean
): Promise<LatestVersion | undefined> {
	const row = await trx
		.selectFrom('course_versions')
		.select(['number', 'kind', 'participants'])
		.$if(withSpec, (qb) => qb.select('spec'))
		.where('course_id', '=', courseId)
		.orderBy('number', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row ? { number: Number(row.number), kind: row.kind, participants: row.participants, spec: (row as { spec?: CourseSpec }).spec } : undefined;
}

interface LatestVersion {
	number: number;
	kind: VersionKind;
	participants: string[];
	spec?: CourseSpec;
}

async function addParticipants(trx: Transaction<Database>, courseId: string, latest: LatestVersion, participants: string[]): Promise<void> {
	const merged = [...new Set([...latest.participants, ...participants])].sort();
	if (merged.length === latest.participants.length) return;
	await trx.updateTable('course_versions').set({ participants: merged }).where('course_id', '=', courseId).where('number', '=', latest.number).execute();
}
