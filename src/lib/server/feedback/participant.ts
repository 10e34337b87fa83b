import type { Kysely, Selectable } from 'kysely';
import { checkAnswers, hasControlCharacter } from '$lib/feedback/answers';
import { ANSWER_LIMITS, roundPhase, type Answers, type FeedbackPerspective, type Question } from '$lib/feedback/model';
import { formTexts } from '$lib/feedback/texts';
import { toLocaleOrNull, type Locale } from '$lib/i18n/locales';
import type { Database, FeedbackLinkTable, FeedbackResponseTable } from '../db/types';
import { canParticipate, type ParticipantActor, type RoundContext } from '../policy/feedback';
import { hashToken } from '../hash';
import { generateId, TOKEN_PATTERN } from '../ids';
import type { RoundRow } from './access';
import { formContent, type FormContent } from './content';
import { syncItems } from './items';
import { readQuestions } from './questions';
import { lockRound } from './round-rows';
import type { SubmissionThrottle } from './throttle';

// Everything a participant reaches goes through here: a token becomes a participant actor for one
// round, and the policy decides what that actor sees and may send. Nothing of the team (names, other
// responses, course ids) leaves this module.

type LinkRow = Selectable<FeedbackLinkTable>;
type ResponseRow = Selectable<FeedbackResponseTable>;

interface Resolved {
	actor: ParticipantActor;
	round: RoundRow;
	link: LinkRow;
	context: RoundContext;
	response: ResponseRow | null;
}

async function resolveToken(db: Kysely<Database>, token: string, now: Date): Promise<Resolved | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const link = await db
		.selectFrom('feedback_link_tokens as t')
		.innerJoin('feedback_links as l', 'l.id', 't.link_id')
		.selectAll('l')
		.where('t.token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!link) return null;
	const round = await db.selectFrom('feedback_rounds').selectAll().where('id', '=', link.round_id).executeTakeFirstOrThrow();
	const actor: ParticipantActor = { kind: 'participant', roundId: round.id, linkId: link.id, link: link.kind };
	const response =
		link.kind === 'personal'
			? ((await db.selectFrom('feedback_responses').selectAll().where('link_id', '=', link.id).executeTakeFirst()) ?? null)
			: null;
	const context: RoundContext = {
		id: round.id,
		phase: roundPhase({ opensAt: new Date(round.opens_at), closesAt: new Date(round.closes_at) }, now),
		linkRevoked: link.revoked_at !== null,
		linkFull: link.kind === 'anonymous' && link.response_cap !== null && (await linkResponses(db, link.id)) >= link.response_cap,
		hasResponse: response !== null
	};
	return { actor, round, link, context, response };
}

async function linkResponses(db: Kysely<Database>, linkId: string): Promise<number> {
	const row = await db
		.selectFrom('feedback_responses')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('link_id', '=', linkId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** What a round tells everyone holding a link, open or not. */
export interface RoundHeading {
	title: string;
	courseTitle: string;
	language: string;
	timeZone: string;
	opensAt: Date;
	closesAt: Date;
}

export interface PreviousResponse {
	answers: Answers;
	perspective: FeedbackPerspective;
	name: string | null;
	updatedAt: Date;
}

/** Everything the form needs; the same shape feeds the team's preview. */
export interface FormView {
	heading: RoundHeading;
	intro: string;
	anonymous: boolean;
	audience: FeedbackPerspective[];
	link: 'anonymous' | 'personal';
	content: FormContent;
	questions: Question[];
	previous: PreviousResponse | null;
}

export type ParticipantView =
	| { state: 'unknown' }
	| { state: 'revoked' | 'scheduled' | 'closed' | 'full'; heading: RoundHeading }
	| { state: 'open'; form: FormView };

function headingOf(round: RoundRow): RoundHeading {
	return {
		title: round.title,
		courseTitle: formContent(round.spec, round.language).courseTitle,
		language: round.language,
		timeZone: round.time_zone,
		opensAt: new Date(round.opens_at),
		closesAt: new Date(round.closes_at)
	};
}

/** Why the form is not shown, when it is not. */
function closedState(context: RoundContext): 'revoked' | 'scheduled' | 'closed' | 'full' {
	if (context.linkRevoked) return 'revoked';
	if (context.phase !== 'open') return context.phase;
	return 'full';
}

export function buildFormView(round: RoundRow, questions: Question[], link: 'anonymous' | 'personal', previous: PreviousResponse | null): FormView {
	return {
		heading: headingOf(round),
		intro: round.intro,
		anonymous: round.anonymous,
		audience: round.audience,
		link,
		content: formContent(round.spec, round.language),
		questions,
		previous
	};
}

function previousOf(response: ResponseRow | null): PreviousResponse | null {
	if (!response) return null;
	return { answers: response.answers, perspective: response.perspective, name: response.respondent_name, updatedAt: new Date(response.updated_at) };
}

/**
 * The language a link's pages speak: its round's form language, whatever the visitor's browser or
 * account prefers (the team chose it for its participants). Null for a token that opens no round.
 */
export async function participantLocale(db: Kysely<Database>, token: string): Promise<Locale | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const row = await db
		.selectFrom('feedback_link_tokens as t')
		.innerJoin('feedback_links as l', 'l.id', 't.link_id')
		.innerJoin('feedback_rounds as r', 'r.id', 'l.round_id')
		.select('r.language')
		.where('t.token_hash', '=', hashToken(token))
		.executeTakeFirst();
	return toLocaleOrNull(row?.language);
}

export async function participantView(db: Kysely<Database>, token: string, now = new Date()): Promise<ParticipantView> {
	const resolved = await resolveToken(db, token, now);
	if (!resolved || !canParticipate(resolved.actor, 'round.readStatus', resolved.context)) {
		return resolved?.context.linkRevoked ? { state: 'revoked', heading: headingOf(resolved.round) } : { state: 'unknown' };
	}
	const { actor, round, context, response } = resolved;
	if (!canParticipate(actor, 'round.readForm', context)) return { state: closedState(context), heading: headingOf(round) };
	const previous = canParticipate(actor, 'response.change', context) ? previousOf(response) : null;
	return { state: 'open', form: buildFormView(round, await readQuestions(db, round.id), actor.link, previous) };
}

export type SubmitResult =
	| { ok: true; personal: boolean }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> }
	| { ok: false; reason: 'rate_limited'; message: string; retryAfterSeconds: number }
	| { ok: false; reason: 'unavailable'; view: ParticipantView };

/** The perspective and name parts of the form, checked like the answers. */
function readAbout(round: RoundRow, values: (name: string) => string[], errors: Record<string, string>) {
	const texts = formTexts(round.language);
	let perspective: FeedbackPerspective | null = round.audience.length === 1 ? round.audience[0] : null;
	if (!perspective) {
		const given = values('perspective')[0] ?? '';
		// The audience holds valid perspectives only (the database checks it), so this is the whole check.
		if (round.audience.includes(given as FeedbackPerspective)) {
			perspective = given as FeedbackPerspective;
		} else errors.perspective = texts.errors.perspective;
	}
	let name: string | null = null;
	if (!round.anonymous) {
		const given = (values('name')[0] ?? '').trim();
		if (!given) errors.name = texts.errors.name;
		else if (hasControlCharacter(given, false)) errors.name = texts.errors.control;
		else if (given.length > ANSWER_LIMITS.nameLength) errors.name = texts.errors.tooLong(ANSWER_LIMITS.nameLength);
		else name = given;
	}
	return { perspective, name };
}

/**
 * Takes a response: checked against the round's questions, throttled on anonymous links, and stored
 * with its feedback items in one transaction under the round's lock, where the cap, the round's
 * times and the one-response rule of personal links are checked again.
 */
export async function submitResponse(
	db: Kysely<Database>,
	throttle: SubmissionThrottle,
	token: string,
	values: (name: string) => string[],
	clientAddress: string,
	now = new Date()
): Promise<SubmitResult> {
	const resolved = await resolveToken(db, token, now);
	if (!resolved) return { ok: false, reason: 'unavailable', view: { state: 'unknown' } };
	const { actor, round, link } = resolved;
	const mayWrite = (context: RoundContext) => canParticipate(actor, 'response.create', context) || canParticipate(actor, 'response.change', context);
	if (!mayWrite(resolved.context)) {
		if (isFullOnly(resolved.context)) await countRefusal(db, link.id);
		return { ok: false, reason: 'unavailable', view: await participantView(db, token, now) };
	}

	const texts = formTexts(round.language);
	const check = async (questions: Question[]) => {
		const { answers, errors } = checkAnswers(questions, values, texts);
		const about = readAbout(round, values, errors);
		return { answers, errors, ...about };
	};
	const first = await check(await readQuestions(db, round.id));
	if (Object.keys(first.errors).length > 0) return { ok: false, reason: 'invalid', errors: first.errors };

	if (link.kind === 'anonymous') {
		const admission = await throttle.admit(link.id, clientAddress, now);
		if (!admission.admitted) {
			await countRefusal(db, link.id);
			const minutes = Math.ceil(admission.retryAfterSeconds / 60);
			return { ok: false, reason: 'rate_limited', message: texts.errors.rateLimited(minutes), retryAfterSeconds: admission.retryAfterSeconds };
		}
	}

	const outcome = await db.transaction().execute(async (trx) => {
		const locked = await lockRound(trx, round.id);
		const lockedLink = await trx.selectFrom('feedback_links').selectAll().where('id', '=', link.id).forUpdate().executeTakeFirstOrThrow();
		const existing = await trx.selectFrom('feedback_responses').selectAll().where('link_id', '=', link.id).where('personal', '=', true).executeTakeFirst();
		const context: RoundContext = {
			id: locked.id,
			phase: roundPhase({ opensAt: new Date(locked.opens_at), closesAt: new Date(locked.closes_at) }, now),
			linkRevoked: lockedLink.revoked_at !== null,
			linkFull: lockedLink.kind === 'anonymous' && lockedLink.response_cap !== null && (await linkResponses(trx, link.id)) >= lockedLink.response_cap,
			hasResponse: existing !== undefined
		};
		if (!mayWrite(context)) return { stored: false as const, full: isFullOnly(context) };
		// The questions as they are now, under the lock: the team cannot change them while this is stored.
		const questions = await readQuestions(trx, round.id);
		const checked = await check(questions);
		if (Object.keys(checked.errors).length > 0) return { stored: false as const, errors: checked.errors };
		const fields = {
			perspective: checked.perspective!,
			respondent_name: round.anonymous ? null : checked.name,
			answers: JSON.stringify(checked.answers),
			updated_at: now
		};
		let responseId: string;
		if (existing) {
			responseId = existing.id;
			await trx.updateTable('feedback_responses').set(fields).where('id', '=', existing.id).execute();
		} else {
			responseId = generateId();
			await trx
				.insertInto('feedback_responses')
				.values({ id: responseId, round_id: round.id, link_id: link.id, personal: link.kind === 'personal', submitted_at: now, ...fields })
				.execute();
		}
		await syncItems(trx, round.id, responseId, questions, checked.answers, now);
		await trx
			.updateTable('feedback_rounds')
			.set((eb) => ({ responses_generation: eb('responses_generation', '+', 1) }))
			.where('id', '=', round.id)
			.execute();
		return { stored: true as const };
	});

	if (outcome.stored) return { ok: true, personal: link.kind === 'personal' };
	if ('errors' in outcome && outcome.errors) return { ok: false, reason: 'invalid', errors: outcome.errors };
	if (outcome.full) await countRefusal(db, link.id);
	return { ok: false, reason: 'unavailable', view: await participantView(db, token, now) };
}

/** Turned away only because the link's cap is reached: a refusal the team is told about. */
const isFullOnly = (context: RoundContext) => context.linkFull && context.phase === 'open' && !context.linkRevoked;

async function countRefusal(db: Kysely<Database>, linkId: string): Promise<void> {
	await db
		.updateTable('feedback_links')
		.set((eb) => ({ refused_count: eb('refused_count', '+', 1) }))
		.where('id', '=', linkId)
		.execute();
}

/** What the thank-you page needs: the round's heading and whether this link can come back to change. */
export async function thanksView(db: Kysely<Database>, token: string, now = new Date()): Promise<{ heading: RoundHeading; anonymous: boolean; canChange: boolean } | null> {
	const resolved = await resolveToken(db, token, now);
	if (!resolved || !canParticipate(resolved.actor, 'round.readStatus', resolved.context)) return null;
	return {
		heading: headingOf(resolved.round),
		anonymous: resolved.round.anonymous,
		canChange: canParticipate(resolved.actor, 'response.change', resolved.context)
	};
}
