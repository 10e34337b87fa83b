import { m } from '$lib/paraglide/messages';
import * as v from 'valibot';
import { sql, type Kysely, type Transaction } from 'kysely';
import { roundPhase } from '$lib/feedback/model';
import { formatMoment, formTexts } from '$lib/feedback/texts';
import type { Database } from '../db/types';
import type { Actor } from '../policy';
import { conflict, invalid, notFound } from '../errors';
import { hashToken } from '../hash';
import { generateId, generateSecretToken, TOKEN_PATTERN } from '../ids';
import { authorizeRound, type RoundRow } from './access';
import type { Mailer } from './mailer';
import { lockRound } from './round-rows';
import { ROUND_LIMITS } from './schema';

// The ways into a round. Tokens are 160 random bits; only their SHA-256 is kept, so a link can be
// shown once, when it is made. An anonymous link can be capped; a personal link belongs to one
// address, gives one response and gets a fresh token with each reminder (the first keeps working).

export interface AnonymousLink {
	id: string;
	cap: number | null;
	responses: number;
	refused: number;
	revoked: boolean;
	createdAt: Date;
}

export interface PersonalLink {
	id: string;
	email: string;
	/** Whether this person has answered; null in anonymous rounds, where the team does not learn who did. */
	answered: boolean | null;
	emailedAt: Date | null;
	remindedAt: Date | null;
	reminderCount: number;
	revoked: boolean;
}

export interface RoundLinks {
	anonymous: AnonymousLink[];
	personal: PersonalLink[];
	/** Personal links that still work, and how many of them have answered: the response rate. */
	invited: number;
	answered: number;
	/** Submissions turned away on any link of the round. */
	refused: number;
}

/** A link as handed back once: to copy, or to confirm it was emailed. */
export interface IssuedLink {
	email: string | null;
	url: string;
	emailed: boolean;
}

export const participantUrl = (origin: string, token: string) => `${origin}/r/${token}`;

export async function listLinks(db: Kysely<Database>, actor: Actor, courseId: string, roundId: string): Promise<RoundLinks> {
	const { round } = await authorizeRound(db, actor, courseId, roundId, 'feedback.view');
	const rows = await db
		.selectFrom('feedback_links as l')
		.leftJoin(responsesPerLink(db, roundId).as('c'), 'c.link_id', 'l.id')
		.selectAll('l')
		.select('c.responses')
		.where('l.round_id', '=', roundId)
		.orderBy('l.created_at')
		.orderBy('l.email')
		.execute();
	const anonymous: AnonymousLink[] = [];
	const personal: PersonalLink[] = [];
	let invited = 0;
	let answered = 0;
	for (const row of rows) {
		const responses = Number(row.responses ?? 0);
		const revoked = row.revoked_at !== null;
		if (row.kind === 'anonymous') {
			anonymous.push({ id: row.id, cap: row.response_cap, responses, refused: row.refused_count, revoked, createdAt: new Date(row.created_at) });
			continue;
		}
		if (!revoked || responses > 0) invited += 1;
		if (responses > 0) answered += 1;
		personal.push({
			id: row.id,
			email: row.email!,
			answered: round.anonymous ? null : responses > 0,
			emailedAt: row.emailed_at ? new Date(row.emailed_at) : null,
			remindedAt: row.reminded_at ? new Date(row.reminded_at) : null,
			reminderCount: row.reminder_count,
			revoked
		});
	}
	const refused = rows.reduce((sum, row) => sum + row.refused_count, 0);
	return { anonymous, personal, invited, answered, refused };
}

// Counted once per round and joined, not per link: a per-link count reads every response of the round
// for each of thousands of personal links.
const responsesPerLink = (db: Kysely<Database>, roundId: string) =>
	db
		.selectFrom('feedback_responses')
		.select((eb) => ['link_id', eb.fn.countAll<string>().as('responses')])
		.where('round_id', '=', roundId)
		.groupBy('link_id');

/** The response rate and refusals of a round, without listing its links: what the results page shows. */
export async function linkTotals(db: Kysely<Database>, roundId: string): Promise<Pick<RoundLinks, 'invited' | 'answered' | 'refused'> & { anonymousLinks: number }> {
	const row = await db
		.selectFrom('feedback_links as l')
		.leftJoin(responsesPerLink(db, roundId).as('c'), 'c.link_id', 'l.id')
		.select((eb) => [
			eb.fn.countAll<string>().filterWhere('l.kind', '=', 'anonymous').as('anonymous_links'),
			eb.fn
				.countAll<string>()
				.filterWhere((w) => w.and([w('l.kind', '=', 'personal'), w.or([w('l.revoked_at', 'is', null), w('c.responses', 'is not', null)])]))
				.as('invited'),
			eb.fn.countAll<string>().filterWhere((w) => w.and([w('l.kind', '=', 'personal'), w('c.responses', 'is not', null)])).as('answered'),
			eb.fn.coalesce(eb.fn.sum<string>('l.refused_count'), sql<string>`0`).as('refused')
		])
		.where('l.round_id', '=', roundId)
		.executeTakeFirstOrThrow();
	return { invited: Number(row.invited), answered: Number(row.answered), refused: Number(row.refused), anonymousLinks: Number(row.anonymous_links) };
}

async function addToken(trx: Transaction<Database> | Kysely<Database>, linkId: string, now: Date): Promise<string> {
	const token = generateSecretToken();
	await trx.insertInto('feedback_link_tokens').values({ token_hash: hashToken(token), link_id: linkId, created_at: now }).execute();
	return token;
}

function refuseIfClosed(round: RoundRow, now: Date): void {
	if (roundPhase({ opensAt: new Date(round.opens_at), closesAt: new Date(round.closes_at) }, now) === 'closed') {
		throw conflict(m.feedback_error_round_closed_invite());
	}
}

export async function createAnonymousLink(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	cap: number | null,
	origin: string,
	now = new Date()
): Promise<IssuedLink> {
	await authorizeRound(db, actor, courseId, roundId, 'feedback.manage');
	return db.transaction().execute(async (trx) => {
		refuseIfClosed(await lockRound(trx, roundId), now);
		const id = generateId();
		await trx
			.insertInto('feedback_links')
			.values({ id, round_id: roundId, kind: 'anonymous', email: null, response_cap: cap, created_by: actor.id, created_at: now })
			.execute();
		return { email: null, url: participantUrl(origin, await addToken(trx, id, now)), emailed: false };
	});
}

const emailAddress = v.pipe(v.string(), v.email(), v.maxLength(254));

/**
 * The addresses in what the team pasted: separated by lines, commas, semicolons or spaces, also as
 * "Name <address>" the way mail programs copy them. Lower-cased and without repeats.
 */
export function parseEmailList(text: string): { emails: string[]; invalid: string[] } {
	const entries = text.split(/[\r\n,;]+/).flatMap((segment) => {
		const bracketed = /<([^<>]+)>/.exec(segment);
		return bracketed ? [bracketed[1]] : segment.split(/\s+/);
	});
	const cleaned = entries.map((e) => e.trim().replace(/^mailto:/i, '')).filter((e) => e !== '');
	const emails = new Set<string>();
	const bad: string[] = [];
	for (const entry of cleaned) {
		if (v.is(emailAddress, entry)) emails.add(entry.toLowerCase());
		else bad.push(entry);
	}
	return { emails: [...emails], invalid: bad };
}

interface MailContext {
	round: RoundRow;
	courseTitle: string;
	origin: string;
	reminder: boolean;
}

/** Sends each link that can be delivered; a link whose email fails is returned for copying instead. */
async function deliver(
	db: Kysely<Database>,
	mailer: Mailer,
	links: { linkId: string; email: string; token: string }[],
	{ round, courseTitle, origin, reminder }: MailContext,
	now: Date
): Promise<IssuedLink[]> {
	const texts = formTexts(round.language);
	const closes = formatMoment(new Date(round.closes_at), round.language, round.time_zone);
	const issued: IssuedLink[] = [];
	for (const { linkId, email, token } of links) {
		const url = participantUrl(origin, token);
		let emailed = false;
		if (mailer.delivers) {
			try {
				await mailer.send({
					to: email,
					subject: reminder ? texts.mail.reminderSubject(courseTitle) : texts.mail.inviteSubject(courseTitle),
					text: texts.mail.body({ course: courseTitle, round: round.title, intro: round.intro, url, closes, reminder })
				});
				emailed = true;
			} catch (err) {
				console.error(`[feedback] could not email a ${reminder ? 'reminder' : 'personal link'} for round ${round.id}:`, err instanceof Error ? err.message : err);
			}
		}
		if (emailed) {
			await db
				.updateTable('feedback_links')
				.set(reminder ? { reminded_at: now } : { emailed_at: now })
				.where('id', '=', linkId)
				.execute();
		}
		issued.push({ email, url, emailed });
	}
	return issued;
}

function courseTitleOf(round: RoundRow): string {
	const lang = round.spec.languages[0] ?? 'en';
	return round.spec.title[round.language]?.trim() || round.spec.title[lang]?.trim() || 'this course';
}

/**
 * Gives each pasted address its own link. Addresses already invited to this round are left alone and
 * reported; an entry that is not an address stops the whole list, so nothing is half-done.
 */
export async function addPersonalLinks(
	db: Kysely<Database>,
	mailer: Mailer,
	actor: Actor,
	courseId: string,
	roundId: string,
	pasted: string,
	origin: string,
	now = new Date()
): Promise<{ issued: IssuedLink[]; alreadyInvited: string[] }> {
	await authorizeRound(db, actor, courseId, roundId, 'feedback.manage');
	const { emails, invalid: bad } = parseEmailList(pasted);
	if (bad.length > 0) {
		const shown = bad.slice(0, 5).map((e) => `“${e.slice(0, 80)}”`).join(', ');
		throw invalid(m.feedback_error_bad_emails({ count: bad.length, shown: `${shown}${bad.length > 5 ? ', …' : ''}` }), 'emails');
	}
	if (emails.length === 0) throw invalid(m.feedback_error_emails_required(), 'emails');
	if (emails.length > ROUND_LIMITS.emails) throw invalid(m.feedback_error_too_many_emails({ max: ROUND_LIMITS.emails }), 'emails');

	const { round, created, alreadyInvited } = await db.transaction().execute(async (trx) => {
		const round = await lockRound(trx, roundId);
		refuseIfClosed(round, now);
		const existing = await trx.selectFrom('feedback_links').select('email').where('round_id', '=', roundId).where('email', 'in', emails).execute();
		const taken = new Set(existing.map((e) => e.email));
		const created: { linkId: string; email: string; token: string }[] = [];
		for (const email of emails.filter((e) => !taken.has(e))) {
			const linkId = generateId();
			await trx
				.insertInto('feedback_links')
				.values({ id: linkId, round_id: roundId, kind: 'personal', email, created_by: actor.id, created_at: now })
				.execute();
			created.push({ linkId, email, token: await addToken(trx, linkId, now) });
		}
		return { round, created, alreadyInvited: emails.filter((e) => taken.has(e)) };
	});
	const issued = await deliver(db, mailer, created, { round, courseTitle: courseTitleOf(round), origin, reminder: false }, now);
	return { issued, alreadyInvited };
}

/**
 * Reminds everyone with a personal link who has not answered. Each gets a fresh token (their first
 * link keeps working), emailed when email reaches people, otherwise handed back for copying.
 */
export async function remindNonRespondents(
	db: Kysely<Database>,
	mailer: Mailer,
	actor: Actor,
	courseId: string,
	roundId: string,
	origin: string,
	now = new Date()
): Promise<IssuedLink[]> {
	await authorizeRound(db, actor, courseId, roundId, 'feedback.manage');
	const { round, reminded } = await db.transaction().execute(async (trx) => {
		const round = await lockRound(trx, roundId);
		if (roundPhase({ opensAt: new Date(round.opens_at), closesAt: new Date(round.closes_at) }, now) !== 'open') {
			throw conflict(m.feedback_error_remind_not_open());
		}
		const pending = await trx
			.selectFrom('feedback_links as l')
			.select(['l.id', 'l.email'])
			.where('l.round_id', '=', roundId)
			.where('l.kind', '=', 'personal')
			.where('l.revoked_at', 'is', null)
			.where(({ not, exists, selectFrom }) => not(exists(selectFrom('feedback_responses as r').select('r.id').whereRef('r.link_id', '=', 'l.id'))))
			.orderBy('l.email')
			.execute();
		if (pending.length === 0) throw conflict(m.feedback_error_nobody_to_remind());
		const reminded: { linkId: string; email: string; token: string }[] = [];
		for (const link of pending) {
			reminded.push({ linkId: link.id, email: link.email!, token: await addToken(trx, link.id, now) });
			await trx
				.updateTable('feedback_links')
				.set((eb) => ({ reminder_count: eb('reminder_count', '+', 1), reminded_at: now }))
				.where('id', '=', link.id)
				.execute();
		}
		return { round, reminded };
	});
	return deliver(db, mailer, reminded, { round, courseTitle: courseTitleOf(round), origin, reminder: true }, now);
}

export async function revokeLink(db: Kysely<Database>, actor: Actor, courseId: string, roundId: string, linkId: string, now = new Date()): Promise<void> {
	await authorizeRound(db, actor, courseId, roundId, 'feedback.manage');
	const result = await db
		.updateTable('feedback_links')
		.set({ revoked_at: now })
		.where('id', '=', linkId)
		.where('round_id', '=', roundId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) throw notFound(m.feedback_error_link_gone());
}

/**
 * The links just handed out, as rows for a CSV file. The tokens come back from the page that showed
 * them (they are not stored); only tokens of this round's links make it into the file.
 */
export async function issuedLinkRows(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	tokens: string[],
	origin: string
): Promise<{ email: string; url: string }[]> {
	await authorizeRound(db, actor, courseId, roundId, 'feedback.manage');
	const valid = [...new Set(tokens.filter((t) => TOKEN_PATTERN.test(t)))].slice(0, ROUND_LIMITS.emails);
	if (valid.length === 0) return [];
	const byHash = new Map(valid.map((t) => [hashToken(t), t]));
	const rows = await db
		.selectFrom('feedback_link_tokens as t')
		.innerJoin('feedback_links as l', 'l.id', 't.link_id')
		.select(['t.token_hash', 'l.email'])
		.where('l.round_id', '=', roundId)
		.where('t.token_hash', 'in', [...byHash.keys()])
		.orderBy('l.email')
		.execute();
	return rows.map((row) => ({ email: row.email ?? '', url: participantUrl(origin, byHash.get(row.token_hash)!) }));
}
