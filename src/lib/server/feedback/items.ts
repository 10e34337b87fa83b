import { m } from '$lib/paraglide/messages';
import type { Kysely, Transaction } from 'kysely';
import { ITEM_STATUSES, SCALES, isText, type Answers, type FeedbackPerspective, type ItemStatus, type Question, type Subject } from '$lib/feedback/model';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';
import type { Actor } from '../policy';
import { canReadPublicly } from '../policy/feedback';
import { invalid, notFound } from '../errors';
import { generateId } from '../ids';
import { authorizeRound } from './access';
import { readQuestions } from './questions';
import { subjectChoices, subjectLabel } from './subjects';

// Feedback items: the answers that ask for a decision (every text answer, every low rating), which the
// team triages open → accepted / declined → done and links to the version that addressed them. A
// published version then lists what it addressed: "you said, we changed".

/** Ratings at or below this are items; for "would you recommend", detractors (0–6) are. */
const LOW = { rating: 2, recommend: 6 } as const;

const ROLE_NAMES: Partial<Record<Question['role'], string>> = {
	relevance: 'Relevance',
	clarity: 'Clarity',
	recommend: 'Would recommend'
};

const ROLE_LABELS: Partial<Record<Question['role'], () => string>> = {
	relevance: () => m.feedback_item_relevance(),
	clarity: () => m.feedback_item_clarity(),
	recommend: () => m.feedback_item_recommend()
};

/**
 * A low rating as the team's page shows it, in the reader's language. The stored excerpt stays the
 * same in every language (it is what tells a changed answer from an unchanged one), so ratings are
 * worded again from the answer when read; text answers are shown as written.
 */
function shownExcerpt(question: Question | undefined, answer: Answers[string] | undefined, stored: string): string {
	if (!question || (question.kind !== 'rating' && question.kind !== 'recommend') || typeof answer !== 'number') return stored;
	const name = ROLE_LABELS[question.role]?.() ?? question.prompt.slice(0, 80);
	return m.feedback_item_rating({ name, value: answer, max: SCALES[question.kind].max });
}

/** The answer as an item quotes it (in the same words in every language), or null when the answer does not make an item. */
export function itemExcerpt(question: Question, answer: Answers[string] | undefined): string | null {
	if (answer === undefined) return null;
	if (isText(question.kind)) return typeof answer === 'string' && answer.trim() ? answer : null;
	if (question.kind === 'rating' || question.kind === 'recommend') {
		if (typeof answer !== 'number' || answer > LOW[question.kind]) return null;
		const name = ROLE_NAMES[question.role] ?? question.prompt.slice(0, 80);
		return `${name}: ${answer} of ${SCALES[question.kind].max}`;
	}
	return null;
}

/**
 * Brings a response's items in line with its answers, inside the transaction that saves it. An item
 * keeps its triage when its answer changes; if the team had already decided on it, it is flagged so
 * they can look again. An undecided item whose answer went away goes with it.
 */
export async function syncItems(
	trx: Transaction<Database>,
	roundId: string,
	responseId: string,
	questions: Question[],
	answers: Answers,
	now: Date
): Promise<void> {
	const existing = await trx.selectFrom('feedback_items').select(['id', 'question_id', 'excerpt', 'status']).where('response_id', '=', responseId).execute();
	const byQuestion = new Map(existing.map((item) => [item.question_id, item]));
	for (const question of questions) {
		const excerpt = itemExcerpt(question, answers[question.id]);
		const item = byQuestion.get(question.id);
		byQuestion.delete(question.id);
		if (excerpt === null) {
			if (item?.status === 'open') await trx.deleteFrom('feedback_items').where('id', '=', item.id).execute();
			else if (item) await trx.updateTable('feedback_items').set({ answer_changed_at: now }).where('id', '=', item.id).execute();
			continue;
		}
		if (!item) {
			await trx
				.insertInto('feedback_items')
				.values({
					id: generateId(),
					round_id: roundId,
					response_id: responseId,
					question_id: question.id,
					subject_kind: question.subject.kind,
					subject_id: question.subject.id,
					excerpt,
					created_at: now,
					updated_at: now
				})
				.execute();
		} else if (item.excerpt !== excerpt) {
			await trx
				.updateTable('feedback_items')
				.set({ excerpt, ...(item.status === 'open' ? {} : { answer_changed_at: now }) })
				.where('id', '=', item.id)
				.execute();
		}
	}
}

export type AddressedIn = { kind: 'version'; number: number } | { kind: 'published'; id: string; number: number } | null;

export interface FeedbackItem {
	id: string;
	status: ItemStatus;
	excerpt: string;
	note: string;
	said: string | null;
	subject: Subject & { label: string };
	question: string;
	perspective: FeedbackPerspective;
	/** Named rounds only. */
	respondent: string | null;
	addressedIn: AddressedIn;
	/** The participant changed the answer after the team decided on it. */
	answerChangedAt: Date | null;
	updatedBy: string | null;
	updatedAt: Date;
}

export interface ItemFilter {
	status?: ItemStatus;
	/** "overall", "outcome:<id>" or "module:<id>". */
	subject?: string;
}

export interface TriageList {
	items: FeedbackItem[];
	counts: Record<ItemStatus, number>;
	/** What an item can be linked to: the course's saved versions and its published ones. */
	versions: { number: number; title: string }[];
	publications: { id: string; number: number }[];
}

function subjectKey(subject: { kind: string; id: string | null }): string {
	return subject.kind === 'overall' ? 'overall' : `${subject.kind}:${subject.id}`;
}

export async function listItems(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	filter: ItemFilter = {}
): Promise<TriageList> {
	const { round } = await authorizeRound(db, actor, courseId, roundId, 'feedback.view');
	const questions = new Map((await readQuestions(db, roundId)).map((q) => [q.id, q]));
	const position = (questionId: string) => questions.get(questionId)?.position ?? Number.MAX_SAFE_INTEGER;
	const rows = await db
		.selectFrom('feedback_items as i')
		.innerJoin('feedback_responses as r', 'r.id', 'i.response_id')
		.leftJoin('users as u', 'u.id', 'i.updated_by')
		.leftJoin('published_versions as p', 'p.id', 'i.published_version_id')
		.selectAll('i')
		.select(['r.perspective', 'r.respondent_name', 'r.answers', 'u.name as updated_by_name', 'p.number as published_number'])
		.where('i.round_id', '=', roundId)
		.orderBy('i.created_at')
		.orderBy('i.id')
		.execute();
	// The answers of one response come in the order of the form.
	rows.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || position(a.question_id) - position(b.question_id));
	const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
	const items: FeedbackItem[] = [];
	for (const row of rows) {
		const subject = { kind: row.subject_kind, id: row.subject_id };
		if (filter.subject && subjectKey(subject) !== filter.subject) continue;
		counts[row.status] += 1;
		if (filter.status && row.status !== filter.status) continue;
		items.push({
			id: row.id,
			status: row.status,
			excerpt: shownExcerpt(questions.get(row.question_id), row.answers[row.question_id], row.excerpt),
			note: row.note,
			said: row.said,
			subject: { ...subject, label: subjectLabel(round.spec, subject) },
			question: questions.get(row.question_id)?.prompt ?? m.feedback_item_question_removed(),
			perspective: row.perspective,
			respondent: round.anonymous ? null : row.respondent_name,
			addressedIn: row.published_version_id
				? { kind: 'published', id: row.published_version_id, number: Number(row.published_number) }
				: row.version_number !== null
					? { kind: 'version', number: Number(row.version_number) }
					: null,
			answerChangedAt: row.answer_changed_at ? new Date(row.answer_changed_at) : null,
			updatedBy: row.updated_by_name,
			updatedAt: new Date(row.updated_at)
		});
	}
	const versions = await db
		.selectFrom('course_versions')
		.select(['number', 'name', 'kind'])
		.where('course_id', '=', courseId)
		.where('kind', '=', 'named')
		.orderBy('number', 'desc')
		.execute();
	const publications = await db.selectFrom('published_versions').select(['id', 'number']).where('course_id', '=', courseId).orderBy('number', 'desc').execute();
	return {
		items,
		counts,
		versions: versions.map((v) => ({ number: Number(v.number), title: v.name ?? `v${v.number}` })),
		publications: publications.map((p) => ({ id: p.id, number: Number(p.number) }))
	};
}

export interface ItemDecision {
	itemId: string;
	status: ItemStatus;
	note: string;
	said: string;
	/** "" for none, "v<number>" for a saved version, "p<published version id>". */
	addressedIn: string;
}

export async function updateItem(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	decision: ItemDecision,
	now = new Date()
): Promise<void> {
	await authorizeRound(db, actor, courseId, roundId, 'feedback.triage');
	let versionNumber: number | null = null;
	let publishedId: string | null = null;
	if (decision.addressedIn.startsWith('v')) {
		versionNumber = Number(decision.addressedIn.slice(1));
		const found = await db.selectFrom('course_versions').select('id').where('course_id', '=', courseId).where('number', '=', versionNumber).executeTakeFirst();
		if (!found) throw invalid(m.feedback_error_no_such_version(), 'addressedIn');
	} else if (decision.addressedIn.startsWith('p')) {
		publishedId = decision.addressedIn.slice(1);
		const found = await db.selectFrom('published_versions').select('id').where('course_id', '=', courseId).where('id', '=', publishedId).executeTakeFirst();
		if (!found) throw invalid(m.feedback_error_no_such_publication(), 'addressedIn');
	}
	const result = await db
		.updateTable('feedback_items')
		.set({
			status: decision.status,
			note: decision.note,
			said: decision.said === '' ? null : decision.said,
			version_number: versionNumber,
			published_version_id: publishedId,
			answer_changed_at: null,
			updated_by: actor.id,
			updated_at: now
		})
		.where('id', '=', decision.itemId)
		.where('round_id', '=', roundId)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) throw notFound(m.feedback_error_item_not_in_round());
}

/** What the items of a round can be filtered by: the course, or one outcome or module of its version. */
export async function subjectChoicesOf(db: Kysely<Database>, actor: Actor, courseId: string, roundId: string) {
	const { round } = await authorizeRound(db, actor, courseId, roundId, 'feedback.view');
	return subjectChoices(round.spec);
}

// ── The seam to publishing ─────────────────────────────────────────────────────────────────────

/**
 * To be called by publishing, in the transaction that writes a published version: every item of the
 * course marked done and not yet carried by a publication is carried by this one. Returns how many.
 */
export async function attachDoneItemsToPublication(trx: Transaction<Database>, courseId: string, publishedVersionId: string): Promise<number> {
	const result = await trx
		.updateTable('feedback_items')
		.set({ published_version_id: publishedVersionId })
		.where('status', '=', 'done')
		.where('published_version_id', 'is', null)
		.where('round_id', 'in', (eb) => eb.selectFrom('feedback_rounds').select('id').where('course_id', '=', courseId))
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export interface YouSaidWeChanged {
	/** What the outcome, module or course is, as the round's version named it. */
	about: string;
	said: string;
	changed: string;
}

/** "Updated after pilot feedback" on a published version's public page. */
export interface PilotFeedbackNote {
	/** The team's summary (counts and themes), as published with the version; may be ''. */
	summary: string;
	/** How many feedback items this version addressed, worded for the public or not. */
	addressed: number;
	/** The ones the team worded for the public. */
	items: YouSaidWeChanged[];
}

/**
 * What a published version says about the pilot feedback it answers, for its public page: null when
 * it answers none and the team wrote no summary.
 */
export async function publicationFeedback(db: Kysely<Database>, publishedVersionId: string): Promise<PilotFeedbackNote | null> {
	const publication = await db.selectFrom('published_versions').select(['id', 'feedback_summary']).where('id', '=', publishedVersionId).executeTakeFirst();
	if (!canReadPublicly('publication.readFeedback', { published: publication !== undefined })) throw notFound(m.feedback_error_publication_not_found());
	const { addressed, items } = await doneItems(db, (query) => query.where('i.published_version_id', '=', publishedVersionId));
	const summary = publication!.feedback_summary;
	return addressed === 0 && !summary ? null : { summary, addressed, items };
}

/**
 * For the team and its reviewers before publishing: the items marked done that the next publication
 * of the course will carry (attachDoneItemsToPublication), as its public page will list them.
 */
export async function pendingPublicationFeedback(db: Kysely<Database>, courseId: string): Promise<Omit<PilotFeedbackNote, 'summary'>> {
	return doneItems(db, (query) => query.where('i.published_version_id', 'is', null).where('r.course_id', '=', courseId));
}

async function doneItems(
	db: Kysely<Database>,
	which: (query: DoneItemsQuery) => DoneItemsQuery
): Promise<Omit<PilotFeedbackNote, 'summary'>> {
	const rows = await which(doneItemsQuery(db)).execute();
	// Participants' own words are shown only as the team worded them for the public (`said`): raw
	// answers can name people or say things that were meant for the team.
	const items = rows
		.filter((row) => row.said && row.note.trim())
		.map((row) => ({
			about: subjectLabel(row.spec as CourseSpec, { kind: row.subject_kind, id: row.subject_id }),
			said: row.said!,
			changed: row.note
		}));
	return { addressed: rows.length, items };
}

type DoneItemsQuery = ReturnType<typeof doneItemsQuery>;

function doneItemsQuery(db: Kysely<Database>) {
	return db
		.selectFrom('feedback_items as i')
		.innerJoin('feedback_rounds as r', 'r.id', 'i.round_id')
		.select(['i.subject_kind', 'i.subject_id', 'i.said', 'i.note', 'r.spec'])
		.where('i.status', '=', 'done')
		.orderBy('i.subject_kind')
		.orderBy('i.updated_at');
}
