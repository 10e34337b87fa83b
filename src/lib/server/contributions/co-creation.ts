import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { can, type Actor } from '../policy';
import { authorizeCourse } from '../courses/access';
import { contributionsOf } from './summary';

// "Co-created with N students and M company partners" on a course's public pages. The owner
// decides whether it is shown (for every version, and can withdraw it); the figure shown is the
// one counted when that version was published (see migrations/0020): a version's page describes
// who had made that version, and stays the same when people join or leave the team later.

export interface CoCreationCount {
	students: number;
	companyPartners: number;
}

export interface CoCreationSetting {
	shown: boolean;
	/** Whether the actor may change it (owners). */
	canChange: boolean;
	/** The figure now, which the next published version will carry. */
	now: CoCreationCount;
}

export async function coCreationSetting(db: Kysely<Database>, actor: Actor, courseId: string): Promise<CoCreationSetting> {
	const { course, context } = await authorizeCourse(db, actor, courseId, 'course.view');
	const { students, companyPartners } = await contributionsOf(db, courseId);
	return { shown: course.show_co_creation, canChange: can(actor, 'course.coCreation', context), now: { students, companyPartners } };
}

/** Owners: show or hide the co-creation line on the course's public pages. */
export async function setCoCreationShown(db: Kysely<Database>, actor: Actor, courseId: string, shown: boolean): Promise<void> {
	await authorizeCourse(db, actor, courseId, 'course.coCreation');
	await db.updateTable('courses').set({ show_co_creation: shown }).where('id', '=', courseId).execute();
}

/** The figure a version being published carries, counted in the publishing transaction. */
export async function coCreationAtPublication(db: Kysely<Database>, courseId: string): Promise<CoCreationCount> {
	const { students, companyPartners } = await contributionsOf(db, courseId);
	return { students, companyPartners };
}

/**
 * What a public page shows: the version's figure when the owner chose to show it and anyone
 * besides lecturers took part; null otherwise (and for versions published before the figure was kept).
 */
export function publicCoCreation(shown: boolean, students: number | null, companyPartners: number | null): CoCreationCount | null {
	if (!shown || students === null || companyPartners === null || students + companyPartners === 0) return null;
	return { students, companyPartners };
}
