import { sql, type Kysely } from 'kysely';
import { getField, SECTIONS, type FieldKey, type Section } from '$lib/course-spec/fields';
import type { Database, Perspective } from '../db/types';
import type { Actor } from '../policy';
import { authorizeCourse } from '../courses/access';

/** What one person did in a course. */
export interface Contribution {
	userId: string;
	name: string;
	/** Their perspective on the team; null for someone no longer on it. */
	perspective: Perspective | null;
	member: boolean;
	edits: number;
	/** Edits per section of the spec, in the spec's order; sections without edits left out. */
	sections: { key: Section; title: string; edits: number; fields: number }[];
	comments: number;
	suggestions: number;
	accepted: number;
	feedbackActedOn: number;
}

export interface PerspectiveTotal {
	perspective: Perspective | 'former';
	people: number;
	edits: number;
	comments: number;
	suggestions: number;
	accepted: number;
	feedbackActedOn: number;
}

export interface Contributions {
	people: Contribution[];
	byPerspective: PerspectiveTotal[];
	/** "Co-created with N students and M company partners": people of those perspectives who took part. */
	students: number;
	companyPartners: number;
}

const SECTION_OF = (key: string): Section | null => getField(key as FieldKey)?.section ?? null;

/**
 * Who took part in a course and how: edits per field (from the attribution record, which outlives
 * compaction), comments, suggestions made and accepted, feedback items acted on. Everyone on the
 * team is listed, and anyone who took part and has since left.
 */
export async function courseContributions(db: Kysely<Database>, actor: Actor, courseId: string): Promise<Contributions> {
	await authorizeCourse(db, actor, courseId, 'course.view');
	return contributionsOf(db, courseId);
}

/** The same, without an actor: for pages that have checked access already (the coordinator's review). */
export async function contributionsOf(db: Kysely<Database>, courseId: string): Promise<Contributions> {
	const [members, edits, comments, suggestions, feedback] = await Promise.all([
		db
			.selectFrom('course_members as m')
			.innerJoin('users as u', 'u.id', 'm.user_id')
			.select(['u.id', 'u.name', 'm.perspective'])
			.where('m.course_id', '=', courseId)
			.orderBy('m.joined_at')
			.orderBy('u.id')
			.execute(),
		db
			.selectFrom('course_field_edits')
			.select(['user_id', 'field_key', sql<number>`sum(edits)::int`.as('edits')])
			.where('course_id', '=', courseId)
			.groupBy(['user_id', 'field_key'])
			.execute(),
		db
			.selectFrom('comments as c')
			.innerJoin('comment_threads as t', 't.id', 'c.thread_id')
			.select(['c.author_id as user_id', sql<number>`count(*)::int`.as('count')])
			.where('t.course_id', '=', courseId)
			.where('c.deleted_at', 'is', null)
			.groupBy('c.author_id')
			.execute(),
		db
			.selectFrom('comment_threads')
			.select([
				'created_by as user_id',
				sql<number>`count(*)::int`.as('made'),
				sql<number>`count(*) filter (where suggestion_state = 'accepted')::int`.as('accepted')
			])
			.where('course_id', '=', courseId)
			.where('suggestion', 'is not', null)
			.groupBy('created_by')
			.execute(),
		db
			.selectFrom('feedback_items as i')
			.innerJoin('feedback_rounds as r', 'r.id', 'i.round_id')
			.select(['i.updated_by as user_id', sql<number>`count(*)::int`.as('count')])
			.where('r.course_id', '=', courseId)
			.where('i.status', '!=', 'open')
			.groupBy('i.updated_by')
			.execute()
	]);

	const people = new Map<string, Contribution>();
	const blank = (userId: string, name: string, perspective: Perspective | null, member: boolean): Contribution => ({
		userId, name, perspective, member, edits: 0, sections: [], comments: 0, suggestions: 0, accepted: 0, feedbackActedOn: 0
	});
	for (const m of members) people.set(m.id, blank(m.id, m.name, m.perspective, true));
	const ids = [...edits, ...comments, ...suggestions, ...feedback].map((r) => r.user_id).filter((id): id is string => id !== null);
	const former = [...new Set(ids)].filter((id) => !people.has(id));
	if (former.length > 0) {
		for (const u of await db.selectFrom('users').select(['id', 'name']).where('id', 'in', former).execute()) people.set(u.id, blank(u.id, u.name, null, false));
	}

	const sectionEdits = new Map<string, Map<Section, { edits: number; fields: Set<string> }>>();
	for (const row of edits) {
		const person = people.get(row.user_id);
		const section = SECTION_OF(row.field_key);
		if (!person || !section) continue;
		person.edits += Number(row.edits);
		const bySection = sectionEdits.get(row.user_id) ?? new Map();
		const entry = bySection.get(section) ?? { edits: 0, fields: new Set<string>() };
		entry.edits += Number(row.edits);
		entry.fields.add(row.field_key);
		bySection.set(section, entry);
		sectionEdits.set(row.user_id, bySection);
	}
	for (const [userId, bySection] of sectionEdits) {
		people.get(userId)!.sections = SECTIONS.filter((s) => bySection.has(s.key)).map((s) => ({
			key: s.key,
			title: s.title,
			edits: bySection.get(s.key)!.edits,
			fields: bySection.get(s.key)!.fields.size
		}));
	}
	for (const row of comments) if (row.user_id && people.has(row.user_id)) people.get(row.user_id)!.comments = Number(row.count);
	for (const row of suggestions) {
		const person = row.user_id ? people.get(row.user_id) : undefined;
		if (!person) continue;
		person.suggestions = Number(row.made);
		person.accepted = Number(row.accepted);
	}
	for (const row of feedback) if (row.user_id && people.has(row.user_id)) people.get(row.user_id)!.feedbackActedOn = Number(row.count);

	const list = [...people.values()];
	const tookPart = (c: Contribution) => c.edits + c.comments + c.suggestions + c.feedbackActedOn > 0;
	const totals = new Map<PerspectiveTotal['perspective'], PerspectiveTotal>();
	for (const c of list) {
		const key = c.perspective ?? 'former';
		const t = totals.get(key) ?? { perspective: key, people: 0, edits: 0, comments: 0, suggestions: 0, accepted: 0, feedbackActedOn: 0 };
		t.people += tookPart(c) ? 1 : 0;
		t.edits += c.edits;
		t.comments += c.comments;
		t.suggestions += c.suggestions;
		t.accepted += c.accepted;
		t.feedbackActedOn += c.feedbackActedOn;
		totals.set(key, t);
	}
	const count = (p: Perspective) => list.filter((c) => c.perspective === p && tookPart(c)).length;
	return { people: list, byPerspective: [...totals.values()], students: count('student'), companyPartners: count('company_partner') };
}
