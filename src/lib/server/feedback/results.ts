import type { CourseSpec } from '$lib/course-spec/types';
import {
	FEEDBACK_PERSPECTIVES,
	isText,
	scaleValues,
	type Answers,
	type FeedbackPerspective,
	type Question,
	type Subject
} from '$lib/feedback/model';
import { formContent } from './content';
import { subjectLabel } from './subjects';

// The numbers of a round, computed from its responses. Pure: the loader (results-view.ts) reads the
// rows and the page draws what comes out. In anonymous rounds a group smaller than MIN_GROUP is not
// broken down, so that nobody's answers can be picked out by their perspective.

export const MIN_GROUP = 3;

export interface ResponseData {
	perspective: FeedbackPerspective;
	respondent: string | null;
	answers: Answers;
}

export interface Distribution {
	/** The scale's values, lowest first, and how many chose each. */
	values: number[];
	counts: number[];
	n: number;
	mean: number | null;
}

export interface OutcomeResult {
	id: string;
	number: number;
	text: string;
	relevance: Distribution | null;
	clarity: Distribution | null;
}

export interface HoursSummary {
	n: number;
	mean: number | null;
	median: number | null;
	min: number | null;
	max: number | null;
	values: number[];
}

export interface ModuleResult {
	id: string;
	number: number;
	title: string;
	planned: number | null;
	actual: HoursSummary | null;
}

export interface RecommendResult extends Distribution {
	detractors: number;
	passives: number;
	promoters: number;
	/** % promoters (9–10) minus % detractors (0–6), from −100 to 100; null without answers. */
	nps: number | null;
}

export interface CustomResult {
	id: string;
	prompt: string;
	kind: Question['kind'];
	about: string;
	distribution: Distribution | null;
	choices: { label: string; count: number }[] | null;
	answered: number;
}

export interface TextAnswer {
	question: string;
	text: string;
	perspective: FeedbackPerspective;
	respondent: string | null;
}

export interface TextGroup {
	subject: Subject;
	label: string;
	/** The latest TEXTS_SHOWN answers, oldest first; every answer is in the feedback items and the CSV. */
	answers: TextAnswer[];
	/** How many answers the group has in all. */
	total: number;
}

/**
 * Written answers shown per outcome or module. A round of thousands has tens of thousands of them:
 * more than anyone reads on one page, and a page too heavy to refresh every few seconds.
 */
export const TEXTS_SHOWN = 30;

export interface PerspectiveSplit {
	perspective: FeedbackPerspective;
	n: number;
	/** Too few to show without risking anonymity; the numbers below are null. */
	suppressed: boolean;
	nps: number | null;
	relevance: number | null;
	clarity: number | null;
	/** Mean of (actual − planned) hours over every module answer. */
	hoursOverPlan: number | null;
}

export interface Results {
	responses: number;
	/** Responses from each perspective, before any filter. */
	byPerspective: Record<FeedbackPerspective, number>;
	filter: FeedbackPerspective | null;
	/** The filter leaves too few responses to show in an anonymous round. */
	suppressed: boolean;
	/** Below this many, a group of an anonymous round is not broken down. */
	minGroup: number;
	outcomes: OutcomeResult[];
	modules: ModuleResult[];
	recommend: RecommendResult | null;
	custom: CustomResult[];
	texts: TextGroup[];
	splits: PerspectiveSplit[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function mean(values: number[]): number | null {
	return values.length === 0 ? null : round2(values.reduce((a, b) => a + b, 0) / values.length);
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : round2((sorted[mid - 1] + sorted[mid]) / 2);
}

const numbersFor = (responses: ResponseData[], questionId: string) =>
	responses.map((r) => r.answers[questionId]).filter((a): a is number => typeof a === 'number');

function distribution(responses: ResponseData[], question: Question | undefined): Distribution | null {
	if (!question || (question.kind !== 'rating' && question.kind !== 'recommend')) return null;
	const values = scaleValues(question.kind);
	const given = numbersFor(responses, question.id);
	return { values, counts: values.map((v) => given.filter((g) => g === v).length), n: given.length, mean: mean(given) };
}

export function recommendScore(dist: Distribution): RecommendResult {
	const count = (from: number, to: number) => dist.values.reduce((sum, v, i) => (v >= from && v <= to ? sum + dist.counts[i] : sum), 0);
	const detractors = count(0, 6);
	const passives = count(7, 8);
	const promoters = count(9, 10);
	const nps = dist.n === 0 ? null : Math.round(((promoters - detractors) / dist.n) * 100);
	return { ...dist, detractors, passives, promoters, nps };
}

function hours(responses: ResponseData[], questionId: string | undefined): HoursSummary | null {
	if (!questionId) return null;
	const values = numbersFor(responses, questionId);
	return {
		n: values.length,
		mean: mean(values),
		median: median(values),
		min: values.length ? Math.min(...values) : null,
		max: values.length ? Math.max(...values) : null,
		values
	};
}

function byRole(questions: Question[], role: Question['role'], subjectId: string | null) {
	return questions.find((q) => q.role === role && q.subject.id === subjectId);
}

function meanOfRole(questions: Question[], responses: ResponseData[], role: 'relevance' | 'clarity'): number | null {
	return mean(questions.filter((q) => q.role === role).flatMap((q) => numbersFor(responses, q.id)));
}

function hoursOverPlan(questions: Question[], responses: ResponseData[], spec: CourseSpec): number | null {
	const differences = questions
		.filter((q) => q.role === 'hours')
		.flatMap((q) => {
			const planned = spec.modules.find((m) => m.id === q.subject.id)?.hours;
			return planned === null || planned === undefined ? [] : numbersFor(responses, q.id).map((h) => h - planned);
		});
	return mean(differences);
}

function customResult(question: Question, responses: ResponseData[], spec: CourseSpec): CustomResult {
	const answered = responses.filter((r) => r.answers[question.id] !== undefined).length;
	const choices =
		question.kind === 'single' || question.kind === 'multiple'
			? question.options.map((o) => ({
					label: o.label,
					count: responses.filter((r) => {
						const a = r.answers[question.id];
						return Array.isArray(a) ? a.includes(o.id) : a === o.id;
					}).length
				}))
			: null;
	return {
		id: question.id,
		prompt: question.prompt,
		kind: question.kind,
		about: subjectLabel(spec, question.subject),
		distribution: distribution(responses, question),
		choices,
		answered
	};
}

function textGroups(questions: Question[], responses: ResponseData[], spec: CourseSpec): TextGroup[] {
	const subjects: Subject[] = [
		...spec.learningOutcomes.map((o) => ({ kind: 'outcome' as const, id: o.id })),
		...spec.modules.map((m) => ({ kind: 'module' as const, id: m.id })),
		{ kind: 'overall', id: null }
	];
	const textQuestions = questions.filter((q) => isText(q.kind));
	return subjects
		.map((subject) => {
			const answers = textQuestions
				.filter((q) => q.subject.kind === subject.kind && q.subject.id === subject.id)
				.flatMap((q) =>
					responses.flatMap((r) => {
						const text = r.answers[q.id];
						return typeof text === 'string' && text.trim() ? [{ question: q.prompt, text, perspective: r.perspective, respondent: r.respondent }] : [];
					})
				);
			return { subject, label: subjectLabel(spec, subject), answers: answers.slice(-TEXTS_SHOWN), total: answers.length };
		})
		.filter((group) => group.total > 0);
}

export function computeResults(
	spec: CourseSpec,
	language: string,
	questions: Question[],
	all: ResponseData[],
	{ anonymous, filter }: { anonymous: boolean; filter: FeedbackPerspective | null }
): Results {
	const byPerspective = Object.fromEntries(FEEDBACK_PERSPECTIVES.map((p) => [p, all.filter((r) => r.perspective === p).length])) as Record<
		FeedbackPerspective,
		number
	>;
	const responses = filter ? all.filter((r) => r.perspective === filter) : all;
	const tooFew = (n: number) => anonymous && n > 0 && n < MIN_GROUP;
	const suppressed = filter !== null && tooFew(responses.length);
	const shown = suppressed ? [] : responses;
	const content = formContent(spec, language);
	const recommendQuestion = questions.find((q) => q.role === 'recommend');
	const recommendDist = distribution(shown, recommendQuestion);

	const splits = FEEDBACK_PERSPECTIVES.filter((p) => byPerspective[p] > 0).map((perspective): PerspectiveSplit => {
		const group = all.filter((r) => r.perspective === perspective);
		const hidden = tooFew(group.length);
		const dist = hidden ? null : distribution(group, recommendQuestion);
		return {
			perspective,
			n: group.length,
			suppressed: hidden,
			nps: dist ? recommendScore(dist).nps : null,
			relevance: hidden ? null : meanOfRole(questions, group, 'relevance'),
			clarity: hidden ? null : meanOfRole(questions, group, 'clarity'),
			hoursOverPlan: hidden ? null : hoursOverPlan(questions, group, spec)
		};
	});

	return {
		responses: responses.length,
		byPerspective,
		filter,
		suppressed,
		minGroup: MIN_GROUP,
		outcomes: content.outcomes.map((o) => ({
			...o,
			relevance: distribution(shown, byRole(questions, 'relevance', o.id)),
			clarity: distribution(shown, byRole(questions, 'clarity', o.id))
		})),
		modules: content.modules.map((m) => ({
			id: m.id,
			number: m.number,
			title: m.title,
			planned: m.plannedHours,
			actual: hours(shown, byRole(questions, 'hours', m.id)?.id)
		})),
		recommend: recommendDist ? recommendScore(recommendDist) : null,
		custom: questions.filter((q) => q.role === 'custom' && !isText(q.kind)).map((q) => customResult(q, shown, spec)),
		texts: textGroups(questions, shown, spec),
		splits
	};
}
