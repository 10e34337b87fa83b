import type { Kysely } from 'kysely';
import type { CourseSpec } from '$lib/course-spec/types';
import type { FeedbackPerspective, ItemStatus } from '$lib/feedback/model';
import type { Database } from '../db/types';
import type { User } from '../users';
import { saveVersion } from '../versions';
import { createAnonymousLink, createRound, listItems, setRoundOpen, submitResponse, submissionThrottle, updateItem } from '../feedback';
import { generatedId } from '../feedback/generate';
import { withoutLive } from '../live-context';

// Pilot rounds of the demo, run the way a team and its participants do: a round on a saved version,
// answers through an anonymous link (each "participant" from an address of its own, as the throttle
// counts them), and the team's triage of the items the answers made.

const DAY = 86_400_000;

/** One participant's answers, by what they are about. Ratings 1–5, recommend 0–10, hours as numbers. */
export interface DemoAnswer {
	perspective: FeedbackPerspective;
	/** Per outcome (by position): [relevance, clarity]. */
	outcomes: [number, number][];
	outcomeComments?: Record<number, string>;
	/** Per module (by position): hours actually spent. */
	hours?: number[];
	moduleChanges?: Record<number, string>;
	recommend: number;
	mostUseful?: string;
	leastUseful?: string;
	comment?: string;
}

function formValues(spec: CourseSpec, answer: DemoAnswer): (name: string) => string[] {
	const fields: Record<string, string> = { perspective: answer.perspective, [generatedId.overall('recommend')]: String(answer.recommend) };
	spec.learningOutcomes.forEach((outcome, i) => {
		const [relevance, clarity] = answer.outcomes[i];
		fields[generatedId.outcome(outcome.id, 'relevance')] = String(relevance);
		fields[generatedId.outcome(outcome.id, 'clarity')] = String(clarity);
		const comment = answer.outcomeComments?.[i];
		if (comment) fields[generatedId.outcome(outcome.id, 'comment')] = comment;
	});
	spec.modules.forEach((module, i) => {
		const hours = answer.hours?.[i];
		if (hours !== undefined) fields[generatedId.module(module.id, 'hours')] = String(hours);
		const change = answer.moduleChanges?.[i];
		if (change) fields[generatedId.module(module.id, 'change')] = change;
	});
	if (answer.mostUseful) fields[generatedId.overall('most_useful')] = answer.mostUseful;
	if (answer.leastUseful) fields[generatedId.overall('least_useful')] = answer.leastUseful;
	if (answer.comment) fields[generatedId.overall('comment')] = answer.comment;
	return (name) => (name in fields ? [fields[name]] : []);
}

export interface DemoPilot {
	versionName: string;
	title: string;
	intro: string;
	answers: DemoAnswer[];
	/** Close the round once everyone has answered (results are then frozen). */
	close: boolean;
}

/** Saves the course's document as a version, runs a round on it and collects the answers. */
export async function runPilot(db: Kysely<Database>, owner: User, courseId: string, spec: CourseSpec, pilot: DemoPilot, origin: string): Promise<string> {
	const version = await saveVersion(withoutLive(db), owner, courseId, pilot.versionName);
	const now = new Date();
	const round = await createRound(db, owner, courseId, version.number, {
		title: pilot.title,
		intro: pilot.intro,
		audience: ['student', 'company_partner', 'other'],
		language: 'en',
		anonymous: true,
		timeZone: 'Europe/Helsinki',
		opensAt: new Date(now.getTime() - DAY),
		closesAt: new Date(now.getTime() + 14 * DAY)
	});
	const link = await createAnonymousLink(db, owner, courseId, round.id, null, origin);
	const token = link.url.slice(link.url.lastIndexOf('/') + 1);
	const throttle = submissionThrottle(db);
	for (const [i, answer] of pilot.answers.entries()) {
		const result = await submitResponse(db, throttle, token, formValues(spec, answer), `192.0.2.${10 + i}`);
		if (!result.ok) throw new Error(`A demo answer was refused: ${JSON.stringify(result)}`);
	}
	if (pilot.close) await setRoundOpen(db, owner, courseId, round.id, false);
	return round.id;
}

/** The team's decision on the item an answer made, found by the answer's words. */
export interface DemoDecision {
	excerpt: string;
	status: ItemStatus;
	note: string;
	/** The team's public wording; '' keeps the item off the public list. */
	said?: string;
}

export async function triage(db: Kysely<Database>, owner: User, courseId: string, roundId: string, decisions: DemoDecision[]): Promise<void> {
	const { items } = await listItems(db, owner, courseId, roundId);
	for (const decision of decisions) {
		const item = items.find((i) => i.excerpt === decision.excerpt);
		if (!item) throw new Error(`No feedback item reads “${decision.excerpt}”.`);
		await updateItem(db, owner, courseId, roundId, { itemId: item.id, status: decision.status, note: decision.note, said: decision.said ?? '', addressedIn: '' });
	}
}
