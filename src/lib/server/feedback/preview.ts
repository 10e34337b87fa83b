import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import type { Actor } from '../policy';
import { authorizeRound } from './access';
import { buildFormView, type FormView } from './participant';
import { readQuestions } from './questions';

/** The form exactly as a participant with an anonymous link gets it, for the team to look at. */
export async function previewView(db: Kysely<Database>, actor: Actor, courseId: string, roundId: string): Promise<FormView> {
	const { round } = await authorizeRound(db, actor, courseId, roundId, 'feedback.view');
	return buildFormView(round, await readQuestions(db, roundId), 'anonymous', null);
}
