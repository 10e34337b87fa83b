import type { Kysely } from 'kysely';
import type { CourseStatus, Database } from '../db/types';

/** One status change on the course's timeline: who, when, from what to what, and what they wrote. */
export interface TimelineEvent {
	id: string;
	from: CourseStatus | null;
	to: CourseStatus | 'retired' | 'unretired';
	actor: string | null;
	note: string;
	version: number | null;
	at: Date;
}

/** Every status change of the course, oldest first. */
export async function readTimeline(db: Kysely<Database>, courseId: string): Promise<TimelineEvent[]> {
	const rows = await db
		.selectFrom('course_status_events as e')
		.leftJoin('users as u', 'u.id', 'e.actor_id')
		.select(['e.id', 'e.from_status', 'e.to_status', 'e.note', 'e.version_number', 'e.created_at', 'u.name as actor'])
		.where('e.course_id', '=', courseId)
		.orderBy('e.created_at')
		.orderBy('e.id')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		from: row.from_status,
		to: row.to_status,
		actor: row.actor,
		note: row.note,
		version: row.version_number === null ? null : Number(row.version_number),
		at: new Date(row.created_at)
	}));
}
