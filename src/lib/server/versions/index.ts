import * as v from 'valibot';
import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import { docToSpec, specToDoc } from '$lib/course-spec/doc';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';
import type { Actor } from '../policy';
import { authorizeCourse } from '../courses/access';
import { invalid, notFound } from '../errors';
import { generateId } from '../ids';
import { changeCourseDoc, currentCourseDoc } from '../course-docs';
import { versionName } from './schema';

/**
 * Named versions of a course document. Saving copies the current document (live edits included);
 * restoring writes the old content back as a new change on top, so the document's history and the
 * list of versions only ever grow.
 */

export interface VersionSummary {
	number: number;
	name: string;
	savedBy: string;
	createdAt: Date;
}

export interface Version extends VersionSummary {
	spec: CourseSpec;
}

/** Saves the course document as it is now under a name; returns the new version's number. */
export async function saveVersion(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	name: string
): Promise<VersionSummary> {
	const parsed = v.safeParse(versionName, name);
	if (!parsed.success) throw invalid(parsed.issues[0].message, 'name');
	await authorizeCourse(db, actor, courseId, 'version.save');

	const doc = await currentCourseDoc(db, courseId);
	const state = Y.encodeStateAsUpdate(doc);
	const spec = docToSpec(doc);
	doc.destroy();

	return db.transaction().execute(async (trx) => {
		// Locking the course row serialises saves of one course, so two never take the same number.
		await trx.selectFrom('courses').select('id').where('id', '=', courseId).forUpdate().executeTakeFirstOrThrow();
		const { last } = await trx
			.selectFrom('course_versions')
			.select((eb) => eb.fn.coalesce(eb.fn.max('number'), eb.lit(0)).as('last'))
			.where('course_id', '=', courseId)
			.executeTakeFirstOrThrow();
		const number = Number(last) + 1;
		const row = await trx
			.insertInto('course_versions')
			.values({
				id: generateId(),
				course_id: courseId,
				number,
				name: parsed.output,
				state,
				spec: JSON.stringify(spec),
				created_by: actor.id
			})
			.returning('created_at')
			.executeTakeFirstOrThrow();
		const user = await trx.selectFrom('users').select('name').where('id', '=', actor.id).executeTakeFirstOrThrow();
		return { number, name: parsed.output, savedBy: user.name, createdAt: new Date(row.created_at) };
	});
}

/** The course's versions, newest first. */
export async function listVersions(db: Kysely<Database>, actor: Actor, courseId: string): Promise<VersionSummary[]> {
	await authorizeCourse(db, actor, courseId, 'course.view');
	const rows = await db
		.selectFrom('course_versions as v')
		.innerJoin('users as u', 'u.id', 'v.created_by')
		.select(['v.number', 'v.name', 'u.name as saved_by', 'v.created_at'])
		.where('v.course_id', '=', courseId)
		.orderBy('v.number', 'desc')
		.execute();
	return rows.map((r) => ({
		number: Number(r.number),
		name: r.name,
		savedBy: r.saved_by,
		createdAt: new Date(r.created_at)
	}));
}

/** One version with the spec it captured. */
export async function getVersion(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	number: number
): Promise<Version> {
	await authorizeCourse(db, actor, courseId, 'course.view');
	const row = await db
		.selectFrom('course_versions as v')
		.innerJoin('users as u', 'u.id', 'v.created_by')
		.select(['v.number', 'v.name', 'u.name as saved_by', 'v.created_at', 'v.spec'])
		.where('v.course_id', '=', courseId)
		.where('v.number', '=', number)
		.executeTakeFirst();
	if (!row) throw notFound(`There is no version ${number} of this course.`);
	return {
		number: Number(row.number),
		name: row.name,
		savedBy: row.saved_by,
		createdAt: new Date(row.created_at),
		spec: row.spec
	};
}

/**
 * Makes the course document say what a version says again. The change is computed against the
 * current document and applied on top of it (through the live room when one runs, so everyone
 * editing sees it at once): nothing already stored is rewritten. Returns the restored number.
 */
export async function restoreVersion(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	number: number
): Promise<number> {
	await authorizeCourse(db, actor, courseId, 'version.restore');
	const version = await db
		.selectFrom('course_versions')
		.select('spec')
		.where('course_id', '=', courseId)
		.where('number', '=', number)
		.executeTakeFirst();
	if (!version) throw notFound(`There is no version ${number} of this course.`);

	await changeCourseDoc(db, courseId, actor.id, (doc) => specToDoc(version.spec, doc));
	return number;
}
