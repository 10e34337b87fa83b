import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import { applySpec } from '$lib/course-spec/apply-spec';
import { fullSpec } from '$lib/course-spec/fixtures';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '$lib/server/db/types';
import { appendDocUpdate, loadDocState } from '$lib/server/realtime/persistence';
import { saveVersion } from '$lib/server/versions';
import { createRound } from '$lib/server/feedback';
import type { RoundSettings } from '$lib/server/feedback/schema';
import { addMember, buildCourse, buildUser } from './factories';
import { withoutLive } from '$lib/server/live-context';

const HOUR = 3_600_000;

/** A course whose document says `spec`, saved as version 1 by its owner, with an editor and a viewer. */
export async function buildCourseWithVersion(db: Kysely<Database>, spec: CourseSpec = fullSpec()) {
	const owner = await buildUser(db, { name: 'Olga Owner' });
	const editor = await buildUser(db, { name: 'Eero Editor' });
	const commenter = await buildUser(db, { name: 'Cecilia Commenter' });
	const viewer = await buildUser(db, { name: 'Ville Viewer' });
	const course = await buildCourse(db, owner, 'Circular Product Design');
	await addMember(db, course.id, editor.id, 'editor');
	await addMember(db, course.id, commenter.id, 'commenter');
	await addMember(db, course.id, viewer.id, 'viewer');
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await loadDocState(db, course.id));
	const before = Y.encodeStateVector(doc);
	applySpec(doc, spec);
	await appendDocUpdate(db, course.id, Y.encodeStateAsUpdate(doc, before), [owner.id]);
	doc.destroy();
	const version = await saveVersion(withoutLive(db), owner, course.id, 'Ready for the pilot');
	return { owner, editor, commenter, viewer, courseId: course.id, versionNumber: version.number };
}

export function roundSettings(overrides: Partial<RoundSettings> = {}, now = new Date()): RoundSettings {
	return {
		title: 'Spring pilot',
		intro: 'Tell us how the course worked for you.',
		audience: ['student', 'company_partner', 'other'],
		language: 'en',
		anonymous: true,
		timeZone: 'Europe/Helsinki',
		opensAt: new Date(now.getTime() - HOUR),
		closesAt: new Date(now.getTime() + 24 * HOUR),
		...overrides
	};
}

export async function buildRound(db: Kysely<Database>, overrides: Partial<RoundSettings> = {}, spec?: CourseSpec) {
	const course = await buildCourseWithVersion(db, spec);
	const round = await createRound(db, course.owner, course.courseId, course.versionNumber, roundSettings(overrides));
	return { ...course, round };
}

/** The token at the end of a participant link. */
export const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/** Form values as a participant's browser sends them. */
export function formValues(fields: Record<string, string | string[]>): (name: string) => string[] {
	return (name) => [fields[name] ?? []].flat();
}
