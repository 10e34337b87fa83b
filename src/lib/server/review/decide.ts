import type { ReviewDecision } from '../db/types';
import type { Actor } from '../policy';
import type { MailContext } from '../notifications';
import { actingTeamIds } from './recipients';
import { approveSchema, parseInput, requestChangesSchema } from './schema';
import { runWorkflow, type WorkflowStep } from './workflow';
import type { LiveContext } from '../live-context';

// Decisions on a submission: the coordinator's (changes requested, approved) and the owner's
// withdrawal. Each closes the submission row in the same transaction as its status change.

/** Coordinators: send the course back to its team with a comment they will see on the course. */
export async function requestChanges(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	input: { comment?: string },
	mail: MailContext
): Promise<void> {
	const { comment } = parseInput(requestChangesSchema, input);
	await runWorkflow(ctx, actor, courseId, mail, async (step) => {
		await step.take('requestChanges', { note: comment });
		const submission = await decide(step, actor, 'changes_requested', comment);
		await step.notify({
			kind: 'review.changes_requested',
			recipients: await actingTeamIds(step.trx, courseId, submission.submitted_by),
			data: { note: comment }
		});
	});
}

/** Coordinators: approve the submission as it was submitted; publishing it is the next step. */
export async function approveSubmission(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	input: { note?: string },
	mail: MailContext
): Promise<void> {
	const { note } = parseInput(approveSchema, input);
	await runWorkflow(ctx, actor, courseId, mail, async (step) => {
		await step.take('approve', { note });
		const submission = await decide(step, actor, 'approved', note);
		await step.notify({
			kind: 'review.approved',
			recipients: await actingTeamIds(step.trx, courseId, submission.submitted_by),
			data: { note }
		});
	});
}

/** Owners: take the submission back (to change it before anyone decides); resubmitting starts afresh. */
export async function withdrawSubmission(ctx: LiveContext, actor: Actor, courseId: string, mail: MailContext): Promise<void> {
	await runWorkflow(ctx, actor, courseId, mail, async (step) => {
		await step.take('withdraw');
		await decide(step, actor, 'withdrawn', '');
	});
}

/**
 * Records the decision on the submission the step is about: the open one, or the approved one when
 * a coordinator takes an approval back before it is published.
 */
async function decide(step: WorkflowStep, actor: Actor, decision: ReviewDecision, note: string) {
	return step.trx
		.updateTable('course_reviews')
		.set({ decision, decision_note: note, decided_by: actor.id, decided_at: new Date() })
		.where('course_id', '=', step.course.id)
		.where((eb) =>
			step.course.status === 'approved'
				? eb('id', '=', eb.selectFrom('course_reviews').select('id').where('course_id', '=', step.course.id).where('decision', '=', 'approved').orderBy('submitted_at', 'desc').limit(1))
				: eb('decision', 'is', null)
		)
		.returning(['id', 'submitted_by'])
		.executeTakeFirstOrThrow();
}
