import { describe, expect, it } from 'vitest';
import type { CourseRole, CourseStatus } from '$lib/roles';
import {
	allowedTransitions,
	checkTransition,
	TRANSITION_NAMES,
	type Actor,
	type Transition,
	type TransitionContext
} from './index';

/**
 * The lifecycle as explicit tables, one per situation a course can be in: a change to the
 * transition table must be a change here too. Each row: the status the step leads to ('—' when the
 * course cannot take it now), then who may take it. Coordinator and admin are not team members.
 */
const WHO = ['owner', 'editor', 'commenter', 'viewer', 'nonMember', 'loggedOut', 'coordinator', 'admin'] as const;
type Who = (typeof WHO)[number];
type Row = readonly [CourseStatus | '—', boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
interface Situation {
	course: Omit<TransitionContext, 'membership'>;
	rows: Record<Transition, Row>;
}
const Y = true;
const N = false;
const NONE: Row = ['—', N, N, N, N, N, N, N, N];

const course = (status: CourseStatus, extra: Partial<Omit<TransitionContext, 'membership' | 'status'>> = {}) => ({
	status,
	archived: false,
	published: false,
	retired: false,
	...extra
});

// prettier-ignore
const SITUATIONS: Record<string, Situation> = {
	'a draft never published': { course: course('draft'), rows: {
		//                to                   owner editor comm viewer nonMem loggedOut coord admin
		submit:          ['in_review',         Y,    N,     N,   N,     N,     N,        N,    N],
		withdraw:        NONE, requestChanges: NONE, approve: NONE, publish: NONE, retire: NONE, unretire: NONE
	} },
	'a first submission in review': { course: course('in_review'), rows: {
		submit:          NONE,
		withdraw:        ['draft',             Y,    N,     N,   N,     N,     N,        N,    N],
		requestChanges:  ['changes_requested', N,    N,     N,   N,     N,     N,        Y,    Y],
		approve:         ['approved',          N,    N,     N,   N,     N,     N,        Y,    Y],
		publish: NONE, retire: NONE, unretire: NONE
	} },
	'a new version in review of a published course': { course: course('in_review', { published: true }), rows: {
		submit:          NONE,
		withdraw:        ['published',         Y,    N,     N,   N,     N,     N,        N,    N],
		requestChanges:  ['changes_requested', N,    N,     N,   N,     N,     N,        Y,    Y],
		approve:         ['approved',          N,    N,     N,   N,     N,     N,        Y,    Y],
		publish: NONE, retire: NONE, unretire: NONE
	} },
	'changes requested on a first submission': { course: course('changes_requested'), rows: {
		submit:          ['in_review',         Y,    N,     N,   N,     N,     N,        N,    N],
		withdraw: NONE, requestChanges: NONE, approve: NONE, publish: NONE, retire: NONE, unretire: NONE
	} },
	'changes requested on a new version of a published course': { course: course('changes_requested', { published: true }), rows: {
		submit:          ['in_review',         Y,    N,     N,   N,     N,     N,        N,    N],
		withdraw: NONE, requestChanges: NONE, approve: NONE, publish: NONE,
		retire:          ['changes_requested', N,    N,     N,   N,     N,     N,        Y,    Y],
		unretire: NONE
	} },
	'an approved submission': { course: course('approved'), rows: {
		submit: NONE, withdraw: NONE,
		requestChanges:  ['changes_requested', N,    N,     N,   N,     N,     N,        Y,    Y],
		approve: NONE,
		publish:         ['published',         N,    N,     N,   N,     N,     N,        Y,    Y],
		retire: NONE, unretire: NONE
	} },
	'a published course': { course: course('published', { published: true }), rows: {
		submit:          ['in_review',         Y,    N,     N,   N,     N,     N,        N,    N],
		withdraw: NONE, requestChanges: NONE, approve: NONE, publish: NONE,
		retire:          ['published',         N,    N,     N,   N,     N,     N,        Y,    Y],
		unretire: NONE
	} },
	'a retired course': { course: course('published', { published: true, retired: true }), rows: {
		submit: NONE, withdraw: NONE, requestChanges: NONE, approve: NONE, publish: NONE, retire: NONE,
		unretire:        ['published',         N,    N,     N,   N,     N,     N,        Y,    Y]
	} },
	'an archived published course': { course: course('published', { published: true, archived: true }), rows: {
		submit: NONE, withdraw: NONE, requestChanges: NONE, approve: NONE, publish: NONE,
		retire:          ['published',         N,    N,     N,   N,     N,     N,        Y,    Y],
		unretire: NONE
	} },
	'an archived submission': { course: course('in_review', { archived: true }), rows: {
		submit: NONE, withdraw: NONE, requestChanges: NONE, approve: NONE, publish: NONE, retire: NONE, unretire: NONE
	} }
};

const MEMBER_ROLE: Partial<Record<Who, CourseRole>> = { owner: 'owner', editor: 'editor', commenter: 'commenter', viewer: 'viewer' };

function actorFor(who: Who): Actor | null {
	if (who === 'loggedOut') return null;
	return { id: `user-${who}`, role: who === 'coordinator' ? 'coordinator' : who === 'admin' ? 'admin' : 'member' };
}

function contextFor(who: Who, situation: Situation): TransitionContext {
	const role = MEMBER_ROLE[who];
	return { ...situation.course, membership: role ? { role, perspective: 'lecturer' } : null };
}

/** A row as { to, who: allow | deny }, so a failing diff names the person. */
function label(row: Row) {
	const [to, ...allowed] = row;
	return { to, ...Object.fromEntries(WHO.map((who, i) => [who, allowed[i] ? 'allow' : 'deny'])) };
}

function actual(transition: Transition, situation: Situation): Row {
	const checks = WHO.map((who) => checkTransition(actorFor(who), transition, contextFor(who, situation)));
	const to = checks.find((c) => c.ok);
	return [to?.ok ? to.to : '—', ...checks.map((c) => c.ok)] as unknown as Row;
}

describe('status transitions', () => {
	for (const [name, situation] of Object.entries(SITUATIONS)) {
		describe(name, () => {
			it('has a row for every transition', () => {
				expect(Object.keys(situation.rows).sort()).toEqual([...TRANSITION_NAMES].sort());
			});
			it.each(TRANSITION_NAMES)('%s', (transition) => {
				expect(label(actual(transition, situation))).toEqual(label(situation.rows[transition]));
			});
		});
	}
});

describe('why a step is refused', () => {
	const reviewer: Actor = { id: 'c', role: 'coordinator' };
	const owner: Actor = { id: 'o', role: 'member' };
	const asOwner = (status: CourseStatus): TransitionContext => ({
		...course(status),
		membership: { role: 'owner', perspective: 'lecturer' }
	});

	it('is "forbidden" when it is not this person’s step, whatever the status', () => {
		expect(checkTransition(owner, 'approve', asOwner('in_review'))).toEqual({ ok: false, reason: 'forbidden' });
		expect(checkTransition(owner, 'approve', asOwner('draft'))).toEqual({ ok: false, reason: 'forbidden' });
		expect(checkTransition(null, 'submit', asOwner('draft'))).toEqual({ ok: false, reason: 'forbidden' });
	});

	it('is "status" when the person could take it, but not now (someone else decided first)', () => {
		expect(checkTransition(reviewer, 'approve', { ...course('approved'), membership: null })).toEqual({ ok: false, reason: 'status' });
		expect(checkTransition(owner, 'submit', asOwner('in_review'))).toEqual({ ok: false, reason: 'status' });
	});

	it('gives a coordinator who owns a course both sides’ steps, and lists them in table order', () => {
		const context: TransitionContext = { ...course('in_review'), membership: { role: 'owner', perspective: 'coordinator' } };
		expect(allowedTransitions(reviewer, context)).toEqual(['withdraw', 'requestChanges', 'approve']);
		expect(allowedTransitions(owner, context)).toEqual(['withdraw']);
	});
});
