import { sql } from 'kysely';
import { primaryLanguage } from '$lib/course-spec/rules/field-values';
import type { Actor } from '../policy';
import { conflict, invalid } from '../errors';
import { generateId } from '../ids';
import type { MailContext } from '../notifications';
import { teamIds } from '../review/recipients';
import { parseInput, publishSchema, retireSchema } from '../review/schema';
import { nextVersionNumber } from '../review/submissions';
import { runWorkflow } from '../review/workflow';
import { indexPublishedVersion } from '../catalogue';
import { attachDoneItemsToPublication } from '../feedback/items';
import { contentHash } from './content-hash';
import { assignSlug } from './slug';
import { checkForPublishing, validateForPublishing, type PublishingProblem } from './validate';
import { currentProvider } from '../credential-exports';
import { coCreationAtPublication } from '../contributions';
import { m } from '$lib/paraglide/messages';
import type { LiveContext } from '../live-context';

export interface Published {
	number: number;
	slug: string;
	contentHash: string;
}

/**
 * Coordinators: publish the approved submission as the course's next version. What is frozen is
 * exactly what was submitted and approved (its Yjs state and spec), never edits made since. The
 * version's number is handed out under the course's row lock, so two coordinators publishing at
 * once publish once: the second finds the course published already.
 */
export async function publishCourse(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	input: { changeNotes?: string; feedbackSummary?: string },
	mail: MailContext
): Promise<Published> {
	const { changeNotes, feedbackSummary } = parseInput(publishSchema, input);
	return runWorkflow(ctx, actor, courseId, mail, async (step) => {
		const { trx } = step;
		const approved = await trx
			.selectFrom('course_reviews')
			.select(['id', 'spec', 'decided_by', 'decided_at', 'feedback_summary'])
			.where('course_id', '=', courseId)
			.where('decision', '=', 'approved')
			.orderBy('submitted_at', 'desc')
			.limit(1)
			.executeTakeFirst();
		const number = await nextVersionNumber(trx, courseId);
		await step.take('publish', { note: changeNotes, versionNumber: number });
		if (!approved?.decided_by || !approved.decided_at) throw conflict(m.publish_error_nothing_approved());
		if (number > 1 && changeNotes === '') {
			throw invalid(m.publish_error_change_notes({ latest: number - 1, next: number }), 'changeNotes');
		}
		const valid = validateForPublishing(approved.spec);
		if (!valid.ok) throw unpublishable(valid.problems);
		const spec = valid.spec;
		const slug = await assignSlug(trx, courseId, spec.title[primaryLanguage(spec)] ?? step.course.title);
		// The exports are checked as they will be served, at this address; a refusal rolls the address back too.
		const check = await checkForPublishing(trx, spec, { courseId, slug, number, origin: mail.origin });
		if (!check.ok) throw unpublishable(check.problems);
		const hash = contentHash(spec);
		const versionId = generateId();
		// Who had taken part by now: the figure this version's public page can show, frozen with it.
		const coCreation = await coCreationAtPublication(trx, courseId);
		await trx
			.insertInto('published_versions')
			.values({
				id: versionId,
				course_id: courseId,
				number,
				// The bytes go from the submission to the version inside the database, never through here.
				state: sql<Uint8Array>`(select state from course_reviews where id = ${approved.id})`,
				spec: JSON.stringify(spec),
				content_hash: hash,
				change_notes: changeNotes,
				feedback_summary: feedbackSummary ?? approved.feedback_summary,
				review_id: approved.id,
				approved_by: approved.decided_by,
				approved_at: approved.decided_at,
				published_by: actor.id,
				co_created_students: coCreation.students,
				co_created_partners: coCreation.companyPartners
			})
			.execute();
		// What the exports are built from besides the spec, frozen with it: they stay the same bytes.
		await trx
			.insertInto('published_version_exports')
			.values({ version_id: versionId, provider: JSON.stringify(await currentProvider(trx, spec)), badge_id: step.course.badge_id })
			.execute();
		// In the same transaction: the catalogue never lists a version that is not there, and the
		// feedback the team marked done is what this version answers ("you said, we changed").
		await indexPublishedVersion(trx, courseId);
		await attachDoneItemsToPublication(trx, courseId, versionId);
		await step.notify({ kind: 'course.published', recipients: await teamIds(trx, courseId), data: { version: number, changeNotes } });
		return { number, slug, contentHash: hash };
	});
}

function unpublishable(problems: PublishingProblem[]) {
	return conflict(m.publish_error_problems({ problems: problems.map((p) => `${p.label}: ${p.message}`).join('; ') }));
}

/** Coordinators: mark a published course as no longer offered; it stays listed, as retired, with its versions. */
export async function retireCourse(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	input: { note?: string },
	mail: MailContext
): Promise<void> {
	const { note } = parseInput(retireSchema, input);
	await runWorkflow(ctx, actor, courseId, mail, async (step) => {
		await step.take('retire', { note });
		await step.notify({ kind: 'course.retired', recipients: await teamIds(step.trx, courseId), data: { note } });
	});
}

/** Coordinators: offer a retired course again. */
export async function unretireCourse(ctx: LiveContext, actor: Actor, courseId: string, input: { note?: string }, mail: MailContext) {
	const { note } = parseInput(retireSchema, input);
	await runWorkflow(ctx, actor, courseId, mail, (step) => step.take('unretire', { note }).then(() => undefined));
}
