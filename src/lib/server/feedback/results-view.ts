import type { Kysely } from 'kysely';
import type { FeedbackPerspective, Question } from '$lib/feedback/model';
import type { Database } from '../db/types';
import type { Actor } from '../policy';
import { authorizeRound } from './access';
import { toCsv } from './csv';
import { linkTotals, type RoundLinks } from './links';
import { readQuestions } from './questions';
import { computeResults, type ResponseData, type Results } from './results';
import { presentRound, type RoundSummary } from './rounds';
import { subjectLabel } from './subjects';

export interface RoundResults {
	round: RoundSummary;
	results: Results;
	links: Pick<RoundLinks, 'invited' | 'answered' | 'refused'> & { anonymousLinks: number };
	/** When these numbers were read; the page says so while it refreshes itself. */
	readAt: Date;
}

async function readResponses(db: Kysely<Database>, roundId: string) {
	return db
		.selectFrom('feedback_responses as r')
		.innerJoin('feedback_links as l', 'l.id', 'r.link_id')
		.select(['r.id', 'r.perspective', 'r.respondent_name', 'r.answers', 'r.submitted_at', 'r.updated_at', 'l.kind', 'l.email'])
		.where('r.round_id', '=', roundId)
		.orderBy('r.submitted_at')
		.orderBy('r.id')
		.execute();
}

// Results computed before, by what they were computed from: the round's response counter, the
// questions and the round's settings. The page refreshes every 5 s while it is open, usually with
// nothing new; a round of 10,000 responses takes long to read and add up, a comparison of two numbers not.
const COMPUTED_KEPT = 32;
const computed = new Map<string, { results: Results; responses: number }>();

export async function roundResults(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	filter: FeedbackPerspective | null,
	now = new Date()
): Promise<RoundResults> {
	const { round } = await authorizeRound(db, actor, courseId, roundId, 'feedback.view');
	const questions = await readQuestions(db, roundId);
	const links = await linkTotals(db, roundId);
	// The counter was read with the round, before the responses: a response stored meanwhile can make the
	// numbers newer than their key, never older.
	const key = JSON.stringify([roundId, filter, round.responses_generation, round.anonymous, round.language, questions]);
	let entry = computed.get(key);
	if (entry) {
		computed.delete(key); // most recently used last
	} else {
		// Only what the numbers need: no join to the links, no times (the CSV reads those).
		const rows = await db
			.selectFrom('feedback_responses')
			.select(['perspective', 'respondent_name', 'answers'])
			.where('round_id', '=', roundId)
			.orderBy('submitted_at')
			.orderBy('id')
			.execute();
		const responses: ResponseData[] = rows.map((r) => ({
			perspective: r.perspective,
			respondent: round.anonymous ? null : r.respondent_name,
			answers: r.answers
		}));
		entry = { results: computeResults(round.spec, round.language, questions, responses, { anonymous: round.anonymous, filter }), responses: rows.length };
		if (computed.size >= COMPUTED_KEPT) computed.delete(computed.keys().next().value!);
	}
	computed.set(key, entry);
	return {
		round: presentRound(round, entry.responses, now),
		results: entry.results,
		links,
		readAt: now
	};
}

function answerCell(question: Question, answer: unknown): string | number {
	if (answer === undefined || answer === null) return '';
	if (question.kind === 'single') return question.options.find((o) => o.id === answer)?.label ?? '';
	if (question.kind === 'multiple' && Array.isArray(answer)) {
		return answer.map((id) => question.options.find((o) => o.id === id)?.label ?? '').filter(Boolean).join('; ');
	}
	return typeof answer === 'number' ? answer : String(answer);
}

/**
 * The raw responses, one row each, one column per question (headed by its stable id, so files of
 * different rounds line up). Anonymous rounds have no identity columns, only the day of answering,
 * and rows in an order that says nothing about who answered when.
 */
export async function responsesCsv(db: Kysely<Database>, actor: Actor, courseId: string, roundId: string): Promise<{ filename: string; csv: string }> {
	const { round } = await authorizeRound(db, actor, courseId, roundId, 'feedback.export');
	const questions = await readQuestions(db, roundId);
	let rows = await readResponses(db, roundId);
	if (round.anonymous) rows = [...rows].sort((a, b) => a.id.localeCompare(b.id));
	const identity = round.anonymous ? [] : ['name', 'email', 'link'];
	const header = ['response', round.anonymous ? 'submitted_on' : 'submitted_at', ...(round.anonymous ? [] : ['updated_at']), 'perspective', ...identity, ...questions.map((q) => q.id)];
	const body = rows.map((row, i) => [
		i + 1,
		round.anonymous ? new Date(row.submitted_at).toISOString().slice(0, 10) : new Date(row.submitted_at).toISOString(),
		...(round.anonymous ? [] : [new Date(row.updated_at).toISOString()]),
		row.perspective,
		...(round.anonymous ? [] : [row.respondent_name ?? '', row.email ?? '', row.kind]),
		...questions.map((q) => answerCell(q, row.answers[q.id]))
	]);
	return { filename: `${slug(round.title)}-responses.csv`, csv: toCsv([header, ...body]) };
}

/** What each column of the responses file asks, for reading it without the app. */
export async function questionsCsv(db: Kysely<Database>, actor: Actor, courseId: string, roundId: string): Promise<{ filename: string; csv: string }> {
	const { round } = await authorizeRound(db, actor, courseId, roundId, 'feedback.export');
	const questions = await readQuestions(db, roundId);
	const rows = questions.map((q) => [
		q.id,
		q.position + 1,
		q.kind,
		subjectLabel(round.spec, q.subject),
		q.prompt,
		q.required ? 'yes' : 'no',
		q.options.map((o) => o.label).join('; ')
	]);
	return { filename: `${slug(round.title)}-questions.csv`, csv: toCsv([['question', 'position', 'kind', 'about', 'prompt', 'required', 'options'], ...rows]) };
}

function slug(title: string): string {
	return (
		title
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 60) || 'feedback'
	);
}
