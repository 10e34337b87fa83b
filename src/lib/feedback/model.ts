// Pilot feedback as browser and server both see it: questions, answers, perspectives. The database
// checks the same values (migrations/0011-feedback-rounds.ts).

/** Who answers: the perspectives results are split by. */
export type FeedbackPerspective = 'student' | 'company_partner' | 'other';
export const FEEDBACK_PERSPECTIVES: readonly FeedbackPerspective[] = ['student', 'company_partner', 'other'];

export type QuestionKind = 'rating' | 'recommend' | 'hours' | 'single' | 'multiple' | 'short_text' | 'long_text';
/** What the team can add by hand; the others are generated from the spec. */
export const CUSTOM_KINDS = ['rating', 'single', 'multiple', 'short_text', 'long_text'] as const;
export type CustomKind = (typeof CUSTOM_KINDS)[number];

export type SubjectKind = 'outcome' | 'module' | 'overall';
/** What a question is about: one learning outcome, one module, or the course as a whole. */
export interface Subject {
	kind: SubjectKind;
	id: string | null;
}

/** What a generated question measures; results read these. Custom questions are 'custom'. */
export type QuestionRole =
	| 'relevance'
	| 'clarity'
	| 'outcome_comment'
	| 'hours'
	| 'module_change'
	| 'recommend'
	| 'most_useful'
	| 'least_useful'
	| 'comment'
	| 'custom';

export interface ChoiceOption {
	id: string;
	label: string;
}

export interface Question {
	/** Stable across rounds for generated questions (outcome.<id>.relevance, overall.recommend, …). */
	id: string;
	position: number;
	kind: QuestionKind;
	role: QuestionRole;
	subject: Subject;
	prompt: string;
	help: string;
	/**
	 * Choice questions: the options. Scales (rating, recommend): two entries, the labels of the
	 * lowest and the highest value.
	 */
	options: ChoiceOption[];
	required: boolean;
}

export type AnswerValue = number | string | string[];
/** A response's answers by question id; unanswered questions are absent. */
export type Answers = Record<string, AnswerValue>;

export const SCALES = {
	rating: { min: 1, max: 5 },
	recommend: { min: 0, max: 10 }
} as const;

export const ANSWER_LIMITS = {
	shortText: 300,
	longText: 5000,
	hoursMax: 10000,
	nameLength: 120
} as const;

/** The values of a scale question, lowest first. */
export function scaleValues(kind: 'rating' | 'recommend'): number[] {
	const { min, max } = SCALES[kind];
	return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

export const isScale = (kind: QuestionKind): kind is 'rating' | 'recommend' => kind === 'rating' || kind === 'recommend';
export const isChoice = (kind: QuestionKind): kind is 'single' | 'multiple' => kind === 'single' || kind === 'multiple';
export const isText = (kind: QuestionKind): kind is 'short_text' | 'long_text' => kind === 'short_text' || kind === 'long_text';

/** The id attribute of a question's control (or fieldset); question ids may hold dots. */
export function questionDomId(questionId: string): string {
	return `q-${questionId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export type ItemStatus = 'open' | 'accepted' | 'declined' | 'done';
export const ITEM_STATUSES: readonly ItemStatus[] = ['open', 'accepted', 'declined', 'done'];

/** Where a round stands for the people answering it. */
export type RoundPhase = 'scheduled' | 'open' | 'closed';

export function roundPhase(round: { opensAt: Date; closesAt: Date }, now: Date): RoundPhase {
	if (now.getTime() < round.opensAt.getTime()) return 'scheduled';
	if (now.getTime() >= round.closesAt.getTime()) return 'closed';
	return 'open';
}
