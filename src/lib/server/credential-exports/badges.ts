import type { Kysely, Transaction } from 'kysely';
import { docToSpec } from '$lib/course-spec';
import { authorizeCourse } from '../courses/access';
import { currentCourseDoc } from '../course-docs';
import type { Database } from '../db/types';
import { invalid } from '../errors';
import { badgeContent, badgePng, badgeSvg } from '../exports';
import { generateId } from '../ids';
import type { Actor } from '../policy';
import { checkBadgeUpload } from './badge-upload';
import { currentProvider, exportInputOf } from './input';
import type { LiveContext } from '../live-context';

// The badge a course's next published version takes. Owners upload a replacement or go back to the
// generated one; published versions keep the badge they were published with (it is frozen in
// published_version_exports), so a change applies from the next publication on.

export interface CourseBadgeStatus {
	kind: 'generated' | 'uploaded';
	contentType: 'image/png' | 'image/svg+xml';
	filename: string;
	uploadedAt: Date | null;
}

export async function courseBadgeStatus(db: Kysely<Database>, actor: Actor, courseId: string): Promise<CourseBadgeStatus> {
	const access = await authorizeCourse(db, actor, courseId, 'course.view');
	if (!access.course.badge_id) return { kind: 'generated', contentType: 'image/svg+xml', filename: '', uploadedAt: null };
	const badge = await db
		.selectFrom('course_badges')
		.select(['content_type', 'filename', 'uploaded_at'])
		.where('id', '=', access.course.badge_id)
		.executeTakeFirstOrThrow();
	return { kind: 'uploaded', contentType: badge.content_type, filename: badge.filename, uploadedAt: badge.uploaded_at };
}

/** Owners: store an uploaded badge for the versions published from now on. */
export async function uploadCourseBadge(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	file: { name: string; type: string; bytes: Uint8Array }
): Promise<{ contentType: string; removed: string[] }> {
	await authorizeCourse(db, actor, courseId, 'course.badge');
	const checked = checkBadgeUpload(file);
	if (!checked.ok) throw invalid(checked.error, 'badge');
	const id = generateId();
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('course_badges')
			.values({
				id,
				course_id: courseId,
				content_type: checked.contentType,
				bytes: Buffer.from(checked.bytes),
				sha256: checked.sha256,
				filename: file.name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200),
				uploaded_by: actor.id
			})
			.execute();
		await trx.updateTable('courses').set({ badge_id: id }).where('id', '=', courseId).execute();
		await pruneBadges(trx, courseId);
	});
	return { contentType: checked.contentType, removed: checked.removed };
}

/** Owners: go back to the generated badge for the versions published from now on. */
export async function useGeneratedBadge(db: Kysely<Database>, actor: Actor, courseId: string): Promise<void> {
	await authorizeCourse(db, actor, courseId, 'course.badge');
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('courses').set({ badge_id: null }).where('id', '=', courseId).execute();
		await pruneBadges(trx, courseId);
	});
}

/** Uploads neither the course nor any published version uses are dropped, so replacing a badge many times stores one. */
async function pruneBadges(trx: Transaction<Database>, courseId: string): Promise<void> {
	await trx
		.deleteFrom('course_badges')
		.where('course_id', '=', courseId)
		.where('id', 'not in', (eb) => eb.selectFrom('courses').select('badge_id').where('id', '=', courseId).where('badge_id', 'is not', null))
		.where('id', 'not in', (eb) => eb.selectFrom('published_version_exports').select('badge_id').where('badge_id', 'is not', null))
		.execute();
}

/**
 * What the next published version's badge will look like, for the team: the uploaded image, or the
 * generated one drawn from the live document as it is now.
 */
export async function previewCourseBadge(ctx: LiveContext, actor: Actor, courseId: string): Promise<{ body: Uint8Array; contentType: string }> {
	const { db } = ctx;
	const access = await authorizeCourse(db, actor, courseId, 'course.view');
	if (access.course.badge_id) {
		const badge = await db.selectFrom('course_badges').select(['bytes', 'content_type']).where('id', '=', access.course.badge_id).executeTakeFirstOrThrow();
		return { body: new Uint8Array(badge.bytes), contentType: badge.content_type };
	}
	const doc = await currentCourseDoc(ctx, courseId);
	let spec;
	try {
		spec = docToSpec(doc);
	} finally {
		doc.destroy();
	}
	const input = await exportInputOf(
		db,
		{ courseId, slug: access.course.slug ?? 'preview', number: 1, publishedAt: new Date(0), contentHash: '', spec, provider: await currentProvider(db, spec) },
		'http://preview.invalid'
	);
	return { body: badgePng(badgeSvg(badgeContent(input))), contentType: 'image/png' };
}
