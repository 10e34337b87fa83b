import { beforeAll, describe, expect, it } from 'vitest';
import type { CourseStatus } from '$lib/server/db/types';
import { isDomainError } from '$lib/server/errors';
import { TRANSITION_NAMES, type Actor, type Transition } from '$lib/server/policy';
import { publishCourse, retireCourse, unretireCourse } from '$lib/server/publishing';
import { approveSubmission, requestChanges, submitForReview, withdrawSubmission } from '$lib/server/review';
import { createTestDatabase } from '$tests/support/db';
import { addMember } from '$tests/support/factories';
import { buildCompleteCourse, buildPerson, editSpec, loggingMail } from '$tests/support/review';
import { withoutLive } from '$lib/server/live-context';

// The lifecycle through the real verbs on a real database, for every person and every situation: the
// transition table (policy/transitions.spec.ts) is what the verbs enforce, with the HTTP-facing
// reasons: not_found for people who may not even see the course, forbidden for someone whose step
// it is not, conflict for a step the course cannot take now.

const { db } = await createTestDatabase();
const mail = loggingMail();

const WHO = ['owner', 'editor', 'commenter', 'viewer', 'stranger', 'coordinator', 'admin'] as const;
type Who = (typeof WHO)[number];
type Outcome = 'ok' | 'forbidden' | 'conflict' | 'not_found';
const [O, F, C, X] = ['ok', 'forbidden', 'conflict', 'not_found'] as const;
type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
type Situation = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'published' | 'retired';

// prettier-ignore
const EXPECTED: Record<Situation, Record<Transition, Row>> = {
	//                   owner editor comm viewer stranger coord admin
	draft: {
		submit:         [O,    F,     F,   F,     X,       X,    X],
		withdraw:       [C,    F,     F,   F,     X,       X,    X],
		requestChanges: [F,    F,     F,   F,     X,       X,    X],
		approve:        [F,    F,     F,   F,     X,       X,    X],
		publish:        [F,    F,     F,   F,     X,       X,    X],
		retire:         [F,    F,     F,   F,     X,       X,    X],
		unretire:       [F,    F,     F,   F,     X,       X,    X]
	},
	in_review: {
		submit:         [C,    F,     F,   F,     X,       F,    F],
		withdraw:       [O,    F,     F,   F,     X,       F,    F],
		requestChanges: [F,    F,     F,   F,     X,       O,    O],
		approve:        [F,    F,     F,   F,     X,       O,    O],
		publish:        [F,    F,     F,   F,     X,       C,    C],
		retire:         [F,    F,     F,   F,     X,       C,    C],
		unretire:       [F,    F,     F,   F,     X,       C,    C]
	},
	changes_requested: {
		submit:         [O,    F,     F,   F,     X,       F,    F],
		withdraw:       [C,    F,     F,   F,     X,       F,    F],
		requestChanges: [F,    F,     F,   F,     X,       C,    C],
		approve:        [F,    F,     F,   F,     X,       C,    C],
		publish:        [F,    F,     F,   F,     X,       C,    C],
		retire:         [F,    F,     F,   F,     X,       C,    C],
		unretire:       [F,    F,     F,   F,     X,       C,    C]
	},
	approved: {
		submit:         [C,    F,     F,   F,     X,       F,    F],
		withdraw:       [C,    F,     F,   F,     X,       F,    F],
		requestChanges: [F,    F,     F,   F,     X,       O,    O],
		approve:        [F,    F,     F,   F,     X,       C,    C],
		publish:        [F,    F,     F,   F,     X,       O,    O],
		retire:         [F,    F,     F,   F,     X,       C,    C],
		unretire:       [F,    F,     F,   F,     X,       C,    C]
	},
	published: {
		submit:         [O,    F,     F,   F,     X,       F,    F],
		withdraw:       [C,    F,     F,   F,     X,       F,    F],
		requestChanges: [F,    F,     F,   F,     X,       C,    C],
		approve:        [F,    F,     F,   F,     X,       C,    C],
		publish:        [F,    F,     F,   F,     X,       C,    C],
		retire:         [F,    F,     F,   F,     X,       O,    O],
		unretire:       [F,    F,     F,   F,     X,       C,    C]
	},
	retired: {
		submit:         [C,    F,     F,   F,     X,       F,    F],
		withdraw:       [C,    F,     F,   F,     X,       F,    F],
		requestChanges: [F,    F,     F,   F,     X,       C,    C],
		approve:        [F,    F,     F,   F,     X,       C,    C],
		publish:        [F,    F,     F,   F,     X,       C,    C],
		retire:         [F,    F,     F,   F,     X,       C,    C],
		unretire:       [F,    F,     F,   F,     X,       O,    O]
	}
};

/** The status each allowed step leaves the course in (retiring keeps the status). */
const RESULT: Partial<Record<Situation, Partial<Record<Transition, CourseStatus>>>> = {
	draft: { submit: 'in_review' },
	in_review: { withdraw: 'draft', requestChanges: 'changes_requested', approve: 'approved' },
	changes_requested: { submit: 'in_review' },
	approved: { requestChanges: 'changes_requested', publish: 'published' },
	published: { submit: 'in_review', retire: 'published' },
	retired: { unretire: 'published' }
};

const people = {} as Record<Who, Actor>;

beforeAll(async () => {
	// The first account of an instance is its admin.
	people.admin = await buildPerson(db, 'Ada Admin', 'admin');
	people.coordinator = await buildPerson(db, 'Cai Coordinator', 'coordinator');
	for (const who of ['owner', 'editor', 'commenter', 'viewer', 'stranger'] as const) people[who] = await buildPerson(db, who);
});

const step: Record<Transition, (actor: Actor, courseId: string) => Promise<unknown>> = {
	submit: (a, id) => submitForReview(withoutLive(db), a, id, { note: 'Ready for a look.', changeNotes: 'Clearer outcomes.' }, mail),
	withdraw: (a, id) => withdrawSubmission(withoutLive(db), a, id, mail),
	requestChanges: (a, id) => requestChanges(withoutLive(db), a, id, { comment: 'Name the assessment criteria.' }, mail),
	approve: (a, id) => approveSubmission(withoutLive(db), a, id, { note: '' }, mail),
	publish: (a, id) => publishCourse(withoutLive(db), a, id, { changeNotes: 'First publication.' }, mail),
	retire: (a, id) => retireCourse(withoutLive(db), a, id, { note: '' }, mail),
	unretire: (a, id) => unretireCourse(withoutLive(db), a, id, { note: '' }, mail)
};

/** The steps that bring a new course into a situation, each taken by the person whose step it is. */
const PATH: Record<Situation, Transition[]> = {
	draft: [],
	in_review: ['submit'],
	changes_requested: ['submit', 'requestChanges'],
	approved: ['submit', 'approve'],
	published: ['submit', 'approve', 'publish'],
	retired: ['submit', 'approve', 'publish', 'retire']
};

async function courseIn(situation: Situation): Promise<string> {
	const id = await buildCompleteCourse(db, people.owner, `Course ${situation}`);
	await addMember(db, id, people.editor.id, 'editor');
	await addMember(db, id, people.commenter.id, 'commenter');
	await addMember(db, id, people.viewer.id, 'viewer');
	for (const t of PATH[situation]) await step[t](t === 'submit' ? people.owner : people.coordinator, id);
	// Work goes on after publishing, so there is a new version to submit (an unchanged one is refused).
	if (PATH[situation].includes('publish')) await editSpec(db, id, people.owner.id, (spec) => void (spec.ectsCredits = 3));
	return id;
}

async function outcome(work: Promise<unknown>): Promise<Outcome> {
	try {
		await work;
		return 'ok';
	} catch (err) {
		if (isDomainError(err) && err.code !== 'invalid' && err.code !== 'rate_limited' && err.code !== 'unauthenticated') return err.code;
		throw err;
	}
}

async function footprint(courseId: string) {
	const [course, events, notifications, reviews, versions] = await Promise.all([
		db.selectFrom('courses').select(['status', 'retired_at', 'slug']).where('id', '=', courseId).executeTakeFirstOrThrow(),
		db.selectFrom('course_status_events').select('id').where('course_id', '=', courseId).execute(),
		db.selectFrom('notifications').select('id').where('course_id', '=', courseId).execute(),
		db.selectFrom('course_reviews').select(['id', 'decision']).where('course_id', '=', courseId).orderBy('id').execute(),
		db.selectFrom('published_versions').select('id').where('course_id', '=', courseId).execute()
	]);
	return { course, events: events.length, notifications: notifications.length, reviews, versions: versions.length };
}

const label = (row: readonly Outcome[]) => Object.fromEntries(WHO.map((who, i) => [who, row[i]]));

describe.each(Object.keys(EXPECTED) as Situation[])('a course that is %s', (situation) => {
	it('refuses every step that is not allowed, and writes nothing when it does', async () => {
		const id = await courseIn(situation);
		const before = await footprint(id);
		for (const transition of TRANSITION_NAMES) {
			const expected = EXPECTED[situation][transition];
			const actual: Outcome[] = [];
			for (const [i, who] of WHO.entries()) {
				// Allowed steps change the course, so each gets a course of its own (next test).
				actual.push(expected[i] === 'ok' ? 'ok' : await outcome(step[transition](people[who], id)));
			}
			expect(label(actual), transition).toEqual(label(expected));
		}
		expect(await footprint(id)).toEqual(before);
	});

	const allowed = TRANSITION_NAMES.flatMap((t) =>
		WHO.filter((_, i) => EXPECTED[situation][t][i] === 'ok').map((who) => [t, who] as const)
	);
	it.skipIf(allowed.length === 0).each(allowed)('lets %s be taken by %s, with its timeline event', async (transition, who) => {
		const id = await courseIn(situation);
		const before = await footprint(id);
		expect(await outcome(step[transition](people[who], id))).toBe('ok');
		const after = await footprint(id);
		expect(after.course.status).toBe(RESULT[situation]![transition]);
		expect(after.events).toBe(before.events + 1);
		const event = await db
			.selectFrom('course_status_events')
			.selectAll()
			.where('course_id', '=', id)
			.orderBy('created_at', 'desc')
			.limit(1)
			.executeTakeFirstOrThrow();
		expect(event).toMatchObject({
			actor_id: people[who].id,
			from_status: situation === 'retired' ? 'published' : situation,
			to_status: transition === 'retire' ? 'retired' : transition === 'unretire' ? 'unretired' : RESULT[situation]![transition]
		});
	});
});
