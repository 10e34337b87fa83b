import * as v from 'valibot';
import { invalid } from '../errors';
import { plainText } from '../form-text';
import { m } from '$lib/paraglide/messages';

// What people write at each step of the review. Notes are plain text, shown as text (never as HTML).

export const NOTE_MAX = 2000;
export const CHANGE_NOTES_MAX = 4000;
export const FEEDBACK_SUMMARY_MAX = 1000;

const note = (max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		plainText({ multiline: true }),
		v.maxLength(max, () => m.review_error_too_long({ max }))
	);

const required = (message: () => string, max: number) => v.pipe(note(max), v.nonEmpty(message));

// The public page quotes it under "Updated after pilot feedback"; the team writes counts and themes.
const feedbackSummary = note(FEEDBACK_SUMMARY_MAX);

export const submitSchema = v.object({
	note: required(() => m.review_error_note_required(), NOTE_MAX),
	// Required from the second version on; the verb knows which one this is.
	changeNotes: note(CHANGE_NOTES_MAX),
	feedbackSummary
});

export const requestChangesSchema = v.object({
	comment: required(() => m.review_error_comment_required(), NOTE_MAX)
});

export const approveSchema = v.object({ note: note(NOTE_MAX) });

export const publishSchema = v.object({
	changeNotes: note(CHANGE_NOTES_MAX),
	// Left out, the team's summary from the submission stands; given (even empty), the coordinator's wording does.
	feedbackSummary: v.optional(feedbackSummary)
});

export const retireSchema = v.object({ note: note(NOTE_MAX) });

export type SubmitInput = v.InferOutput<typeof submitSchema>;

/** Parses a verb's input with its schema; the first problem becomes an error next to its field. */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, input);
	if (result.success) return result.output;
	const issue = result.issues[0];
	throw invalid(issue.message, v.getDotPath(issue) ?? undefined);
}
