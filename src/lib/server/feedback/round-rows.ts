import { m } from '$lib/paraglide/messages';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types';
import { notFound } from '../errors';
import type { RoundRow } from './access';

export async function responseCount(db: Kysely<Database>, roundId: string): Promise<number> {
	const row = await db
		.selectFrom('feedback_responses')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('round_id', '=', roundId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The round row locked for the rest of a transaction: edits and submissions to one round take turns. */
export async function lockRound(trx: Transaction<Database>, roundId: string): Promise<RoundRow> {
	const row = await trx.selectFrom('feedback_rounds').selectAll().where('id', '=', roundId).forUpdate().executeTakeFirst();
	if (!row) throw notFound(m.feedback_error_round_not_found());
	return row;
}
