import type { Kysely } from 'kysely';
import type { Database } from '../db/types';

/**
 * How dense automatic snapshots stay as they age. A course edited all day gets one every ten
 * minutes; a day later one per hour is enough to find a moment again, and after a month one per
 * day. Each stored snapshot holds the whole document, so without thinning a busy course would
 * add megabytes a day.
 */
export const THINNING = {
	/** Snapshots younger than this are all kept. */
	keepAllMs: 24 * 60 * 60 * 1000,
	/** Up to this age, the last snapshot of each hour is kept; beyond it, the last of each day. */
	hourlyUntilMs: 30 * 24 * 60 * 60 * 1000
} as const;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Removes automatic snapshots of a course that are older than a day and not the last of their
 * hour (or day, beyond a month). Only snapshots between the same two versions of other kinds are
 * folded together, and the one kept takes over the participants of those removed, so the list
 * still says who took part. Named versions, restores and the states kept before restores are never
 * touched. Returns how many snapshots were removed.
 */
export async function thinAutomaticSnapshots(db: Kysely<Database>, courseId: string, now = new Date()): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await trx.selectFrom('courses').select('id').where('id', '=', courseId).forUpdate().executeTakeFirstOrThrow();
		const rows = await trx
			.selectFrom('course_versions')
			.select(['id', 'kind', 'participants', 'created_at'])
			.where('course_id', '=', courseId)
			.where('created_at', '<', new Date(now.getTime() - THINNING.keepAllMs))
			.orderBy('number')
			.execute();

		// Consecutive automatic snapshots in one bucket form a group; the last of each group stays.
		const groups: (typeof rows)[] = [];
		let previousKey: string | null = null;
		let run = 0;
		for (const row of rows) {
			if (row.kind !== 'automatic') {
				run += 1;
				previousKey = null;
				continue;
			}
			const key = `${run}:${bucketOf(new Date(row.created_at), now)}`;
			if (key === previousKey) groups[groups.length - 1].push(row);
			else groups.push([row]);
			previousKey = key;
		}

		let removed = 0;
		for (const group of groups) {
			if (group.length < 2) continue;
			const kept = group[group.length - 1];
			const participants = [...new Set(group.flatMap((row) => row.participants))];
			await trx.updateTable('course_versions').set({ participants }).where('id', '=', kept.id).execute();
			await trx
				.deleteFrom('course_versions')
				.where(
					'id',
					'in',
					group.slice(0, -1).map((row) => row.id)
				)
				.execute();
			removed += group.length - 1;
		}
		return removed;
	});
}

function bucketOf(createdAt: Date, now: Date): string {
	const age = now.getTime() - createdAt.getTime();
	return age < THINNING.hourlyUntilMs
		? `h${Math.floor(createdAt.getTime() / HOUR_MS)}`
		: `d${Math.floor(createdAt.getTime() / DAY_MS)}`;
}
