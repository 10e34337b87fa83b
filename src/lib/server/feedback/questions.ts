import { m } from '$lib/paraglide/messages';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { isChoice, isScale, type ChoiceOption, type CustomKind, type Question, type QuestionRole, type Subject } from '$lib/feedback/model';
import { formTexts } from '$lib/feedback/texts';
import type { Database, FeedbackQuestionTable } from '../db/types';
import type { Actor } from '../policy';
import { conflict, invalid, notFound } from '../errors';
import { generateId } from '../ids';
import { authorizeRound, type RoundRow } from './access';
import { lockRound, responseCount } from './round-rows';
import { ROUND_LIMITS, type QuestionInput } from './schema';
import { subjectChoices, subjectLabel } from './subjects';

// The team shapes a round's questions until the first answer arrives; from then on they are fixed,
// so that every answer keeps meaning what was asked.

type QuestionRow = Selectable<FeedbackQuestionTable>;

function rowToQuestion(row: QuestionRow): Question {
	return {
		id: row.id,
		position: Number(row.position),
		kind: row.kind,
		role: row.role as QuestionRole,
		subject: { kind: row.subject_kind, id: row.subject_id },
		prompt: row.prompt,
		help: row.help,
		options: row.options,
		required: row.required
	};
}

export async function insertQuestions(trx: Transaction<Database>, roundId: string, questions: Question[]): Promise<void> {
	if (questions.length === 0) return;
	await trx
		.insertInto('feedback_questions')
		.values(
			questions.map((q) => ({
				round_id: roundId,
				id: q.id,
				position: q.position,
				kind: q.kind,
				role: q.role,
				subject_kind: q.subject.kind,
				subject_id: q.subject.id,
				prompt: q.prompt,
				help: q.help,
				options: JSON.stringify(q.options),
				required: q.required
			}))
		)
		.execute();
}

/** A round's questions in the order participants see them. Callers have checked access. */
export async function readQuestions(db: Kysely<Database>, roundId: string): Promise<Question[]> {
	const rows = await db.selectFrom('feedback_questions').selectAll().where('round_id', '=', roundId).orderBy('position').orderBy('id').execute();
	return rows.map(rowToQuestion);
}

export async function listQuestions(db: Kysely<Database>, actor: Actor, courseId: string, roundId: string): Promise<Question[]> {
	await authorizeRound(db, actor, courseId, roundId, 'feedback.view');
	return readQuestions(db, roundId);
}

/** The questions as the team's editor shows them: what each is about, and whether they can still change. */
export async function questionEditor(db: Kysely<Database>, actor: Actor, courseId: string, roundId: string) {
	const { round } = await authorizeRound(db, actor, courseId, roundId, 'feedback.view');
	const questions = await readQuestions(db, roundId);
	return {
		questions: questions.map((q) => ({ ...q, about: subjectLabel(round.spec, q.subject) })),
		subjects: subjectChoices(round.spec),
		locked: (await responseCount(db, roundId)) > 0
	};
}

export const QUESTIONS_LOCKED = () => m.feedback_error_questions_locked();

/** Runs a change to the questions under the round's lock, refusing it once anyone has answered. */
async function changeQuestions<T>(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	change: (trx: Transaction<Database>, round: RoundRow, questions: Question[]) => Promise<T>
): Promise<T> {
	await authorizeRound(db, actor, courseId, roundId, 'feedback.manage');
	return db.transaction().execute(async (trx) => {
		const round = await lockRound(trx, roundId);
		if ((await responseCount(trx, roundId)) > 0) throw conflict(QUESTIONS_LOCKED());
		return change(trx, round, await readQuestions(trx, roundId));
	});
}

/** What a custom question may be about: the course, or one of the frozen version's outcomes or modules. */
function parseSubject(round: RoundRow, subject: string): Subject {
	if (subject === 'overall') return { kind: 'overall', id: null };
	const [kind, id] = subject.split(':') as ['outcome' | 'module', string];
	const items = kind === 'outcome' ? round.spec.learningOutcomes : round.spec.modules;
	if (!items.some((item) => item.id === id)) throw invalid(m.feedback_error_subject(), 'subject');
	return { kind, id };
}

/**
 * Options from the lines the team typed. An option keeps its id while its label stays, so editing
 * one option does not change what the others mean.
 */
function choiceOptions(lines: string[], previous: ChoiceOption[]): ChoiceOption[] {
	if (new Set(lines.map((l) => l.toLowerCase())).size !== lines.length) throw invalid(m.feedback_error_options_differ(), 'options');
	if (lines.length < 2) throw invalid(m.feedback_error_options_two(), 'options');
	if (lines.length > ROUND_LIMITS.options) throw invalid(m.feedback_error_options_max({ max: ROUND_LIMITS.options }), 'options');
	return lines.map((label) => previous.find((o) => o.label === label) ?? { id: generateId().slice(0, 8), label });
}

function scaleLabels(lines: string[], previous: ChoiceOption[]): ChoiceOption[] {
	if (lines.length === 0) return previous;
	if (lines.length !== 2) throw invalid(m.feedback_error_scale_labels(), 'options');
	return [
		{ id: 'min', label: lines[0] },
		{ id: 'max', label: lines[1] }
	];
}

export async function addCustomQuestion(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	kind: CustomKind,
	input: QuestionInput
): Promise<Question> {
	return changeQuestions(db, actor, courseId, roundId, async (trx, round, questions) => {
		const [low, high] = formTexts(round.language).customScale;
		const defaults = [
			{ id: 'min', label: low },
			{ id: 'max', label: high }
		];
		const question: Question = {
			id: `custom.${generateId().slice(0, 12)}`,
			position: questions.reduce((max, q) => Math.max(max, q.position), -1) + 1,
			kind,
			role: 'custom',
			subject: parseSubject(round, input.subject),
			prompt: input.prompt,
			help: input.help,
			options: isChoice(kind) ? choiceOptions(input.options, []) : isScale(kind) ? scaleLabels(input.options, defaults) : [],
			required: input.required
		};
		await insertQuestions(trx, roundId, [question]);
		return question;
	});
}

export async function updateQuestion(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	questionId: string,
	input: QuestionInput
): Promise<Question> {
	return changeQuestions(db, actor, courseId, roundId, async (trx, round, questions) => {
		const question = questions.find((q) => q.id === questionId);
		if (!question) throw notFound(m.feedback_error_question_not_in_round());
		const options = isChoice(question.kind)
			? choiceOptions(input.options, question.options)
			: isScale(question.kind)
				? scaleLabels(input.options, question.options)
				: [];
		// A generated question stays about what it was generated for; results are read by it.
		const subject = question.role === 'custom' ? parseSubject(round, input.subject) : question.subject;
		await trx
			.updateTable('feedback_questions')
			.set({
				prompt: input.prompt,
				help: input.help,
				required: input.required,
				options: JSON.stringify(options),
				subject_kind: subject.kind,
				subject_id: subject.id
			})
			.where('round_id', '=', roundId)
			.where('id', '=', questionId)
			.execute();
		return { ...question, prompt: input.prompt, help: input.help, required: input.required, options, subject };
	});
}

export async function deleteQuestion(db: Kysely<Database>, actor: Actor, courseId: string, roundId: string, questionId: string): Promise<void> {
	await changeQuestions(db, actor, courseId, roundId, async (trx, _round, questions) => {
		if (!questions.some((q) => q.id === questionId)) throw notFound(m.feedback_error_question_not_in_round());
		if (questions.length === 1) throw conflict(m.feedback_error_one_question());
		await trx.deleteFrom('feedback_questions').where('round_id', '=', roundId).where('id', '=', questionId).execute();
	});
}

/** Swaps a question with its neighbour above or below. */
export async function moveQuestion(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	questionId: string,
	direction: 'up' | 'down'
): Promise<void> {
	await changeQuestions(db, actor, courseId, roundId, async (trx, _round, questions) => {
		const index = questions.findIndex((q) => q.id === questionId);
		if (index < 0) throw notFound(m.feedback_error_question_not_in_round());
		const other = questions[direction === 'up' ? index - 1 : index + 1];
		if (!other) return;
		// Positions are rewritten as 0…n-1 with the two swapped, which also mends any gaps or ties.
		const order = questions.map((q) => q.id);
		[order[index], order[questions.indexOf(other)]] = [other.id, questionId];
		for (const [position, id] of order.entries()) {
			await trx.updateTable('feedback_questions').set({ position }).where('round_id', '=', roundId).where('id', '=', id).execute();
		}
	});
}
