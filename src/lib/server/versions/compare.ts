import { diffSpecs, type SpecDiff } from '$lib/course-spec/diff';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Actor } from '../policy';
import { authorizeCourse } from '../courses/access';
import { invalid } from '../errors';
import { m } from '$lib/paraglide/messages';
import { currentCourseDoc } from '../course-docs';
import { docToSpec } from '$lib/course-spec/doc';
import { readVersion, type VersionSummary } from './read';
import type { LiveContext } from '../live-context';

/** One side of a comparison: a version, or the document as it is now. */
export type ComparedSide = { current: true } | ({ current: false } & VersionSummary);

export interface Comparison {
	from: ComparedSide;
	to: ComparedSide;
	diff: SpecDiff;
}

/** What changed from one version (or the current document) to another, field by field. */
export async function compareVersions(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	from: number | 'current',
	to: number | 'current'
): Promise<Comparison> {
	const { db } = ctx;
	await authorizeCourse(db, actor, courseId, 'course.view');
	const [a, b] = [await side(ctx, courseId, from, 'from'), await side(ctx, courseId, to, 'to')];
	return { from: a.side, to: b.side, diff: diffSpecs(a.spec, b.spec) };
}

async function side(
	ctx: LiveContext,
	courseId: string,
	which: number | 'current',
	field: 'from' | 'to'
): Promise<{ side: ComparedSide; spec: CourseSpec }> {
	const { db } = ctx;
	if (which === 'current') {
		const doc = await currentCourseDoc(ctx, courseId);
		try {
			return { side: { current: true }, spec: docToSpec(doc) };
		} finally {
			doc.destroy();
		}
	}
	const version = await readVersion(db, courseId, which);
	if (!version) throw invalid(m.history_no_such_version({ number: which }), field);
	const { spec, ...summary } = version;
	return { side: { current: false, ...summary }, spec };
}
