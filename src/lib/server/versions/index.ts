import * as v from 'valibot';
import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import { applySpec } from '$lib/course-spec/apply-spec';
import { docToSpec } from '$lib/course-spec/doc';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';
import type { Actor } from '../policy';
import { authorizeCourse } from '../courses/access';
import { invalid, notFound } from '../errors';
import { m } from '$lib/paraglide/messages';
import { applyCourseDocUpdate, currentCourseDoc } from '../course-docs';
import { versionName } from './schema';
import { addVersion } from './store';
import { readVersion, readVersions, versionTitle, type Version, type VersionSummary } from './read';
import type { LiveContext } from '../live-context';

export { compareVersions, type Comparison } from './compare';
export type { Version, VersionSummary } from './read';

/**
 * The history of a course document. People save named versions; the server adds automatic
 * snapshots after bursts of editing (auto-snapshots.ts). Restoring writes an old version's content
 * on top of the live document, after keeping the current state as a version, and is itself
 * recorded, so the document's history and the list of versions only ever grow.
 */

/** Saves the course document as it is now under a name. */
export async function saveVersion(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	name: string
): Promise<VersionSummary> {
	const { db } = ctx;
	const parsed = v.safeParse(versionName, name);
	if (!parsed.success) throw invalid(parsed.issues[0].message, 'name');
	await authorizeCourse(db, actor, courseId, 'version.save');

	const { state, spec } = await readCurrent(ctx, courseId);
	const saved = await addVersion(db, { courseId, kind: 'named', name: parsed.output, state, spec, createdBy: actor.id });
	const saver = await db.selectFrom('users').select('name').where('id', '=', actor.id).executeTakeFirstOrThrow();
	const summary = { kind: 'named' as const, name: parsed.output, restoredFrom: null };
	return {
		...summary,
		number: saved.number,
		title: versionTitle(summary),
		savedBy: saver.name,
		participants: [],
		createdAt: saved.createdAt
	};
}

/** The course's versions, newest first; `namedOnly` leaves out what the server recorded by itself. */
export async function listVersions(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	{ namedOnly = false }: { namedOnly?: boolean } = {}
): Promise<VersionSummary[]> {
	await authorizeCourse(db, actor, courseId, 'course.view');
	return readVersions(db, courseId, { namedOnly });
}

/** One version with the spec it captured. */
export async function getVersion(db: Kysely<Database>, actor: Actor, courseId: string, number: number): Promise<Version> {
	await authorizeCourse(db, actor, courseId, 'course.view');
	const version = await readVersion(db, courseId, number);
	if (!version) throw notFound(m.history_no_such_version({ number }));
	return version;
}

export interface RestoreResult {
	/** The version brought back. */
	restored: number;
	/** The version that holds the text as it was just before (a new one, or the latest when it read the same). */
	keptAs: number;
	/** The version recording the restore. */
	recordedAs: number;
}

/**
 * Makes the course document say what a version says again, without losing what it says now:
 * 1. the current state is kept as a version (unless the latest version already reads the same);
 * 2. only the differences are applied, on top of the live document (through the live room when one
 *    runs, so everyone editing sees it at once and keeps typing): items keep their ids and what a
 *    peer types into an item meanwhile merges (see applySpec);
 * 3. the restore is recorded in the list with the state it produced.
 */
export async function restoreVersion(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	number: number
): Promise<RestoreResult> {
	const { db } = ctx;
	await authorizeCourse(db, actor, courseId, 'version.restore');
	const target = await db
		.selectFrom('course_versions')
		.select('spec')
		.where('course_id', '=', courseId)
		.where('number', '=', number)
		.executeTakeFirst();
	if (!target) throw notFound(m.history_no_such_version({ number }));

	const doc = await currentCourseDoc(ctx, courseId);
	try {
		const kept = await addVersion(
			db,
			{ courseId, kind: 'before_restore', state: Y.encodeStateAsUpdate(doc), spec: docToSpec(doc), createdBy: actor.id, restoredFrom: number },
			{ unlessUnchanged: true }
		);
		const before = Y.encodeStateVector(doc);
		let changed = false;
		doc.once('update', () => (changed = true));
		applySpec(doc, target.spec);
		if (changed) await applyCourseDocUpdate(ctx, courseId, Y.encodeStateAsUpdate(doc, before), actor.id);
		const recorded = await addVersion(db, {
			courseId,
			kind: 'restore',
			state: Y.encodeStateAsUpdate(doc),
			spec: docToSpec(doc),
			createdBy: actor.id,
			restoredFrom: number
		});
		return { restored: number, keptAs: kept.number, recordedAs: recorded.number };
	} finally {
		doc.destroy();
	}
}

/** The course document as it is now (live edits included), as a Yjs state and a spec. */
async function readCurrent(ctx: LiveContext, courseId: string): Promise<{ state: Uint8Array; spec: CourseSpec }> {
	const doc = await currentCourseDoc(ctx, courseId);
	try {
		return { state: Y.encodeStateAsUpdate(doc), spec: docToSpec(doc) };
	} finally {
		doc.destroy();
	}
}
