import { describe, expect, it } from 'vitest';
import type { CourseRole, CourseStatus } from '$lib/roles';
import {
	can,
	COURSE_ACTIONS,
	INSTANCE_ACTIONS,
	type Action,
	type Actor,
	type CourseAction,
	type CourseContext,
	type InstanceAction
} from './index';

/**
 * The policy as an explicit table: a change to `can()` (or a new action) must be a change here too.
 * Columns are who asks; rows are actions; Y = allowed, N = denied.
 */
const WHO = ['owner', 'editor', 'commenter', 'viewer', 'nonMember', 'loggedOut', 'coordinator', 'admin'] as const;
type Who = (typeof WHO)[number];
type Row = readonly [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
type Matrix = Record<Action, Row>;
const Y = true;
const N = false;

// An active (not archived) draft course. Coordinator and admin are not members of it.
// prettier-ignore
const ACTIVE_DRAFT: Matrix = {
	//                    owner editor comment viewer nonMem loggedOut coord admin
	'course.view':       [Y,    Y,     Y,      Y,     N,     N,        N,    N],
	'course.edit':       [Y,    Y,     N,      N,     N,     N,        N,    N],
	'course.comment':    [Y,    Y,     Y,      N,     N,     N,        N,    N],
	'course.rename':     [Y,    Y,     N,      N,     N,     N,        N,    N],
	'course.archive':    [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.manageTeam': [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.leave':      [Y,    Y,     Y,      Y,     N,     N,        N,    N],
	'version.save':      [Y,    Y,     N,      N,     N,     N,        N,    N],
	'version.restore':   [Y,    Y,     N,      N,     N,     N,        N,    N],
	'team.viewEmails':   [Y,    N,     N,      N,     N,     N,        N,    N],
	'access.request':    [N,    N,     N,      N,     Y,     N,        Y,    Y],
	'access.review':     [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.badge':      [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.coCreation': [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.languages':  [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.create':     [Y,    Y,     Y,      Y,     Y,     N,        Y,    Y],
	'admin.settings':    [N,    N,     N,      N,     N,     N,        N,    Y],
	'admin.roles':       [N,    N,     N,      N,     N,     N,        N,    Y],
	'comment.write':     [Y,    Y,     Y,      N,     N,     N,        N,    N],
	'suggestion.create': [Y,    Y,     Y,      N,     N,     N,        N,    N],
	'suggestion.decide': [Y,    Y,     N,      N,     N,     N,        N,    N],
	'review.queue':      [N,    N,     N,      N,     N,     N,        Y,    Y]
};

// The same draft course once archived: read-only, but the owner can still unarchive and manage the team.
// prettier-ignore
const ARCHIVED_DRAFT: Matrix = {
	//                    owner editor comment viewer nonMem loggedOut coord admin
	'course.view':       [Y,    Y,     Y,      Y,     N,     N,        N,    N],
	'course.edit':       [N,    N,     N,      N,     N,     N,        N,    N],
	'course.comment':    [N,    N,     N,      N,     N,     N,        N,    N],
	'course.rename':     [N,    N,     N,      N,     N,     N,        N,    N],
	'course.archive':    [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.manageTeam': [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.leave':      [Y,    Y,     Y,      Y,     N,     N,        N,    N],
	'version.save':      [N,    N,     N,      N,     N,     N,        N,    N],
	'version.restore':   [N,    N,     N,      N,     N,     N,        N,    N],
	'team.viewEmails':   [Y,    N,     N,      N,     N,     N,        N,    N],
	'access.request':    [N,    N,     N,      N,     Y,     N,        Y,    Y],
	'access.review':     [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.badge':      [N,    N,     N,      N,     N,     N,        N,    N],
	'course.coCreation': [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.languages':  [N,    N,     N,      N,     N,     N,        N,    N],
	'course.create':     [Y,    Y,     Y,      Y,     Y,     N,        Y,    Y],
	'admin.settings':    [N,    N,     N,      N,     N,     N,        N,    Y],
	'admin.roles':       [N,    N,     N,      N,     N,     N,        N,    Y],
	'comment.write':     [N,    N,     N,      N,     N,     N,        N,    N],
	'suggestion.create': [N,    N,     N,      N,     N,     N,        N,    N],
	'suggestion.decide': [N,    N,     N,      N,     N,     N,        N,    N],
	'review.queue':      [N,    N,     N,      N,     N,     N,        Y,    Y]
};

// A submitted course (in_review): coordinators and admins may read it without being members and write
// review comments on it, nothing more.
// prettier-ignore
const ACTIVE_IN_REVIEW: Matrix = {
	//                    owner editor comment viewer nonMem loggedOut coord admin
	'course.view':       [Y,    Y,     Y,      Y,     N,     N,        Y,    Y],
	'course.edit':       [Y,    Y,     N,      N,     N,     N,        N,    N],
	'course.comment':    [Y,    Y,     Y,      N,     N,     N,        N,    N],
	'course.rename':     [Y,    Y,     N,      N,     N,     N,        N,    N],
	'course.archive':    [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.manageTeam': [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.leave':      [Y,    Y,     Y,      Y,     N,     N,        N,    N],
	'version.save':      [Y,    Y,     N,      N,     N,     N,        N,    N],
	'version.restore':   [Y,    Y,     N,      N,     N,     N,        N,    N],
	'team.viewEmails':   [Y,    N,     N,      N,     N,     N,        N,    N],
	'access.request':    [N,    N,     N,      N,     Y,     N,        Y,    Y],
	'access.review':     [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.badge':      [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.coCreation': [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.languages':  [Y,    N,     N,      N,     N,     N,        N,    N],
	'course.create':     [Y,    Y,     Y,      Y,     Y,     N,        Y,    Y],
	'admin.settings':    [N,    N,     N,      N,     N,     N,        N,    Y],
	'admin.roles':       [N,    N,     N,      N,     N,     N,        N,    Y],
	'comment.write':     [Y,    Y,     Y,      N,     N,     N,        Y,    Y],
	'suggestion.create': [Y,    Y,     Y,      N,     N,     N,        N,    N],
	'suggestion.decide': [Y,    Y,     N,      N,     N,     N,        N,    N],
	'review.queue':      [N,    N,     N,      N,     N,     N,        Y,    Y]
};

// Who, other than members, can see a course in each status (non-member coordinator / admin / member).
// prettier-ignore
const VISIBLE_TO_NON_MEMBERS: Record<CourseStatus, { coordinator: boolean; admin: boolean; nonMember: boolean }> = {
	draft:             { coordinator: N, admin: N, nonMember: N },
	in_review:         { coordinator: Y, admin: Y, nonMember: N },
	changes_requested: { coordinator: Y, admin: Y, nonMember: N },
	approved:          { coordinator: Y, admin: Y, nonMember: N },
	published:         { coordinator: Y, admin: Y, nonMember: N }
};

const MEMBER_ROLE: Partial<Record<Who, CourseRole>> = {
	owner: 'owner',
	editor: 'editor',
	commenter: 'commenter',
	viewer: 'viewer'
};

function actorFor(who: Who): Actor | null {
	if (who === 'loggedOut') return null;
	const role = who === 'coordinator' ? 'coordinator' : who === 'admin' ? 'admin' : 'member';
	return { id: `user-${who}`, role };
}

function contextFor(who: Who, course: { status: CourseStatus; archived: boolean }): CourseContext {
	const role = MEMBER_ROLE[who];
	return { ...course, membership: role ? { role, perspective: 'lecturer' } : null };
}

const isCourseAction = (action: Action): action is CourseAction =>
	(COURSE_ACTIONS as readonly string[]).includes(action);

function decide(who: Who, action: Action, course: { status: CourseStatus; archived: boolean }): boolean {
	const actor = actorFor(who);
	return isCourseAction(action)
		? can(actor, action, contextFor(who, course))
		: can(actor, action as InstanceAction);
}

/** One action's row as { who: 'allow' | 'deny' }, so a failing diff names the role. */
function label(values: readonly boolean[]): Record<Who, 'allow' | 'deny'> {
	return Object.fromEntries(WHO.map((who, i) => [who, values[i] ? 'allow' : 'deny'])) as Record<Who, 'allow' | 'deny'>;
}

const ALL_ACTIONS: Action[] = [...COURSE_ACTIONS, ...INSTANCE_ACTIONS];

function checkMatrix(name: string, matrix: Matrix, course: { status: CourseStatus; archived: boolean }) {
	describe(name, () => {
		it('has a row for every exported action and no others', () => {
			expect(Object.keys(matrix).sort()).toEqual([...ALL_ACTIONS].sort());
			for (const row of Object.values(matrix)) expect(row).toHaveLength(WHO.length);
		});

		it.each(ALL_ACTIONS)('%s', (action) => {
			const actual = WHO.map((who) => decide(who, action, course));
			expect(label(actual)).toEqual(label(matrix[action]));
		});
	});
}

describe('policy matrix', () => {
	it('exports each action exactly once, and course and instance actions do not overlap', () => {
		expect(new Set(ALL_ACTIONS).size).toBe(ALL_ACTIONS.length);
		expect(ALL_ACTIONS).toHaveLength(COURSE_ACTIONS.length + INSTANCE_ACTIONS.length);
	});

	checkMatrix('active draft course', ACTIVE_DRAFT, { status: 'draft', archived: false });
	checkMatrix('archived draft course', ARCHIVED_DRAFT, { status: 'draft', archived: true });
	checkMatrix('submitted course (in_review)', ACTIVE_IN_REVIEW, { status: 'in_review', archived: false });
});

describe('visibility of a course to people outside its team, by status', () => {
	const statuses = Object.keys(VISIBLE_TO_NON_MEMBERS) as CourseStatus[];

	it.each(statuses)('%s', (status) => {
		const course = { status, archived: false };
		expect({
			coordinator: decide('coordinator', 'course.view', course),
			admin: decide('admin', 'course.view', course),
			nonMember: decide('nonMember', 'course.view', course)
		}).toEqual(VISIBLE_TO_NON_MEMBERS[status]);
	});

	it('lets a coordinator read an archived submitted course, but never write to it', () => {
		const course = { status: 'in_review' as const, archived: true };
		expect(decide('coordinator', 'course.view', course)).toBe(true);
		// Asking the owners for a role is not a write: it only reaches them as a request.
		expect(decide('coordinator', 'access.request', course)).toBe(true);
		for (const action of COURSE_ACTIONS.filter((a) => a !== 'course.view' && a !== 'access.request')) {
			expect(decide('coordinator', action, course)).toBe(false);
		}
	});
});

describe('instance role does not stand in for course membership', () => {
	it('a coordinator who is a viewer of a draft course has exactly a viewer’s rights', () => {
		const course: CourseContext = {
			status: 'draft',
			archived: false,
			membership: { role: 'viewer', perspective: 'coordinator' }
		};
		const coordinator: Actor = { id: 'c', role: 'coordinator' };
		const viewer: Actor = { id: 'v', role: 'member' };
		for (const action of COURSE_ACTIONS) {
			expect(can(coordinator, action, course), action).toBe(can(viewer, action, course));
		}
	});

	it('denies every course action to a logged-out visitor even on a published course', () => {
		const course: CourseContext = { status: 'published', archived: false, membership: null };
		for (const action of COURSE_ACTIONS) expect(can(null, action, course), action).toBe(false);
	});
});
