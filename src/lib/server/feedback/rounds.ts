import { m } from '$lib/paraglide/messages';
import type { Kysely } from 'kysely';
import { roundPhase, type FeedbackPerspective, type RoundPhase } from '$lib/feedback/model';
import type { Database } from '../db/types';
import type { Actor } from '../policy';
import { conflict, invalid } from '../errors';
import { generateId } from '../ids';
import { readVersion } from '../versions/read';
import { authorizeFeedback, authorizeRound, type RoundRow } from './access';
import { generateQuestions } from './generate';
import { insertQuestions } from './questions';
import { lockRound, responseCount } from './round-rows';
import type { RoundSettings } from './schema';

/** A round as the team's pages show it. */
export interface RoundSummary {
	id: string;
	title: string;
	intro: string;
	versionNumber: number;
	versionTitle: string;
	audience: FeedbackPerspective[];
	language: string;
	anonymous: boolean;
	timeZone: string;
	opensAt: Date;
	closesAt: Date;
	phase: RoundPhase;
	responseCount: number;
	createdAt: Date;
}

export function presentRound(row: RoundRow, responses: number, now: Date): RoundSummary {
	const opensAt = new Date(row.opens_at);
	const closesAt = new Date(row.closes_at);
	return {
		id: row.id,
		title: row.title,
		intro: row.intro,
		versionNumber: Number(row.version_number),
		versionTitle: row.version_title,
		audience: row.audience,
		language: row.language,
		anonymous: row.anonymous,
		timeZone: row.time_zone,
		opensAt,
		closesAt,
		phase: roundPhase({ opensAt, closesAt }, now),
		responseCount: responses,
		createdAt: new Date(row.created_at)
	};
}

/**
 * Starts a round on a saved version. The version's spec is copied into the round, so what participants
 * see stays as it was even when the version itself is thinned away later. Questions are generated from it.
 */
export async function createRound(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	versionNumber: number,
	settings: RoundSettings,
	now = new Date()
): Promise<RoundSummary> {
	await authorizeFeedback(db, actor, courseId, 'feedback.manage');
	const version = await readVersion(db, courseId, versionNumber);
	if (!version) throw invalid(m.feedback_error_no_version_number({ number: versionNumber }), 'version');
	if (settings.closesAt <= now) throw invalid(m.feedback_error_closing_passed(), 'closesAt');
	const id = generateId();
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('feedback_rounds')
			.values({
				id,
				course_id: courseId,
				version_number: versionNumber,
				version_title: `v${versionNumber} · ${version.title}`,
				spec: JSON.stringify(version.spec),
				title: settings.title,
				intro: settings.intro,
				audience: settings.audience,
				language: settings.language,
				anonymous: settings.anonymous,
				time_zone: settings.timeZone,
				opens_at: settings.opensAt,
				closes_at: settings.closesAt,
				created_by: actor.id,
				created_at: now,
				updated_at: now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await insertQuestions(trx, id, generateQuestions(version.spec, settings.language));
		return presentRound(row, 0, now);
	});
}

export async function listRounds(db: Kysely<Database>, actor: Actor, courseId: string, now = new Date()): Promise<RoundSummary[]> {
	await authorizeFeedback(db, actor, courseId, 'feedback.view');
	const rows = await db
		.selectFrom('feedback_rounds as r')
		.selectAll('r')
		.select((eb) =>
			eb
				.selectFrom('feedback_responses as s')
				.select(eb.fn.countAll<string>().as('n'))
				.whereRef('s.round_id', '=', 'r.id')
				.as('response_count')
		)
		.where('r.course_id', '=', courseId)
		.orderBy('r.created_at', 'desc')
		.orderBy('r.id')
		.execute();
	return rows.map(({ response_count, ...row }) => presentRound(row, Number(response_count ?? 0), now));
}

export async function getRound(db: Kysely<Database>, actor: Actor, courseId: string, roundId: string, now = new Date()): Promise<RoundSummary> {
	const { round } = await authorizeRound(db, actor, courseId, roundId, 'feedback.view');
	return presentRound(round, await responseCount(db, roundId), now);
}

/**
 * Changes a round's settings. Times, title and introduction can change at any point; once someone has
 * answered, who the round is for, its language and whether it is anonymous stay as they were, since
 * the answers given were given under them.
 */
export async function updateRound(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	settings: RoundSettings,
	now = new Date()
): Promise<RoundSummary> {
	await authorizeRound(db, actor, courseId, roundId, 'feedback.manage');
	return db.transaction().execute(async (trx) => {
		const row = await lockRound(trx, roundId);
		const answered = await responseCount(trx, roundId);
		if (answered > 0) {
			const sameAudience = [...row.audience].sort().join() === [...settings.audience].sort().join();
			if (!sameAudience) throw conflict(m.feedback_error_audience_locked(), 'audience');
			if (row.language !== settings.language) throw conflict(m.feedback_error_language_locked(), 'language');
			if (row.anonymous !== settings.anonymous) {
				throw conflict(m.feedback_error_responses_locked(), 'responses');
			}
		}
		const updated = await trx
			.updateTable('feedback_rounds')
			.set({
				title: settings.title,
				intro: settings.intro,
				audience: settings.audience,
				language: settings.language,
				anonymous: settings.anonymous,
				time_zone: settings.timeZone,
				opens_at: settings.opensAt,
				closes_at: settings.closesAt,
				updated_at: now
			})
			.where('id', '=', roundId)
			.returningAll()
			.executeTakeFirstOrThrow();
		return presentRound(updated, answered, now);
	});
}

/** Opens a scheduled round now, or closes an open one now. A closed round reopens by a later closing time. */
export async function setRoundOpen(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	open: boolean,
	now = new Date()
): Promise<RoundSummary> {
	await authorizeRound(db, actor, courseId, roundId, 'feedback.manage');
	return db.transaction().execute(async (trx) => {
		const row = await lockRound(trx, roundId);
		const phase = roundPhase({ opensAt: new Date(row.opens_at), closesAt: new Date(row.closes_at) }, now);
		if (open && phase !== 'scheduled') {
			throw conflict(phase === 'open' ? m.feedback_error_already_open() : m.feedback_error_reopen());
		}
		if (!open && phase !== 'open') throw conflict(m.feedback_error_close_not_open());
		const updated = await trx
			.updateTable('feedback_rounds')
			.set({ ...(open ? { opens_at: now } : { closes_at: now }), updated_at: now })
			.where('id', '=', roundId)
			.returningAll()
			.executeTakeFirstOrThrow();
		return presentRound(updated, await responseCount(trx, roundId), now);
	});
}

/** Deletes a round nobody has answered; one with answers is kept, so that no feedback is lost. */
export async function deleteRound(db: Kysely<Database>, actor: Actor, courseId: string, roundId: string): Promise<void> {
	await authorizeRound(db, actor, courseId, roundId, 'feedback.manage');
	await db.transaction().execute(async (trx) => {
		await lockRound(trx, roundId);
		if ((await responseCount(trx, roundId)) > 0) {
			throw conflict(m.feedback_error_delete_answered());
		}
		await trx.deleteFrom('feedback_rounds').where('id', '=', roundId).execute();
	});
}
