import type { CourseRole, CourseStatus, InstanceRole, Perspective } from '../db/types';

/**
 * The one place that decides who may do what. Page loads, form actions, API routes and the
 * realtime server all ask `can()`; none of them compares roles on its own.
 */

export type CourseAction =
	| 'course.view'
	| 'course.edit'
	| 'course.comment'
	| 'course.rename'
	| 'course.archive'
	| 'course.manageTeam'
	| 'course.leave'
	| 'version.save'
	| 'version.restore'
	| 'team.viewEmails'
	| 'access.request'
	| 'access.review'
	| 'comment.write'
	| 'suggestion.create'
	| 'suggestion.decide'
	| 'course.badge'
	| 'course.coCreation'
	| 'course.languages';

export type InstanceAction = 'course.create' | 'admin.settings' | 'admin.roles' | 'review.queue';

export type Action = CourseAction | InstanceAction;

export const COURSE_ACTIONS: readonly CourseAction[] = [
	'course.view',
	'course.edit',
	'course.comment',
	'course.rename',
	'course.archive',
	'course.manageTeam',
	'course.leave',
	'version.save',
	'version.restore',
	'team.viewEmails',
	'access.request',
	'access.review',
	'comment.write',
	'suggestion.create',
	'suggestion.decide',
	'course.badge',
	'course.coCreation',
	'course.languages'
];
export const INSTANCE_ACTIONS: readonly InstanceAction[] = ['course.create', 'admin.settings', 'admin.roles', 'review.queue'];

export interface Actor {
	id: string;
	role: InstanceRole;
}

export interface CourseContext {
	status: CourseStatus;
	archived: boolean;
	/** The actor's membership in this course, if any. */
	membership: { role: CourseRole; perspective: Perspective } | null;
}

/** Each course role includes the rights of the ones below it. */
export const ROLE_RANK: Readonly<Record<CourseRole, number>> = { viewer: 0, commenter: 1, editor: 2, owner: 3 };

function atLeast(membership: CourseContext['membership'], role: CourseRole): boolean {
	return membership !== null && ROLE_RANK[membership.role] >= ROLE_RANK[role];
}

/**
 * Statuses in which a spec has been handed to coordinators and so is visible to them. A coordinator
 * who asked for changes follows them until the course is resubmitted; a withdrawn draft is the
 * team's alone again.
 */
const SUBMITTED: ReadonlySet<CourseStatus> = new Set(['in_review', 'changes_requested', 'approved', 'published']);

/** Coordinators and admins review submitted courses, whether or not they are on the team. */
export function isReviewer(actor: Actor): boolean {
	return actor.role === 'coordinator' || actor.role === 'admin';
}

export function can(actor: Actor | null, action: InstanceAction): boolean;
export function can(actor: Actor | null, action: CourseAction, course: CourseContext): boolean;
export function can(actor: Actor | null, action: Action, course?: CourseContext): boolean {
	if (!actor) return false;
	switch (action) {
		case 'course.create':
			return true;
		case 'admin.settings':
		case 'admin.roles':
			return actor.role === 'admin';
		case 'review.queue':
			return isReviewer(actor);
	}
	if (!course) return false;
	const { membership, archived } = course;
	const reviewer = isReviewer(actor);
	switch (action) {
		case 'course.view':
			return membership !== null || (reviewer && SUBMITTED.has(course.status));
		case 'course.edit':
			return !archived && atLeast(membership, 'editor');
		case 'course.comment':
			return !archived && atLeast(membership, 'commenter');
		case 'course.rename':
			return !archived && atLeast(membership, 'editor');
		case 'course.archive':
		case 'course.manageTeam':
		case 'access.review':
		// Addresses are for the people who invite and remove members, not for everyone on the team.
		case 'team.viewEmails':
			return atLeast(membership, 'owner');
		// Anyone signed in who is not on the team may ask; whether the course exists is never revealed
		// by the answer (see access-requests).
		case 'access.request':
			return membership === null;
		case 'course.leave':
			return membership !== null;
		// A named version is a checkpoint others restore to: it is part of editing.
		case 'version.save':
			return !archived && atLeast(membership, 'editor');
		case 'version.restore':
			return !archived && atLeast(membership, 'editor');
		// Writing, replying to and resolving comments. Coordinators reviewing a submitted course anchor
		// their review comments the same way, without being on the team. Reading them is course.view.
		case 'comment.write':
			return !archived && (atLeast(membership, 'commenter') || (reviewer && SUBMITTED.has(course.status)));
		// Proposing a change is the commenter's way of editing; it only reaches the spec through an editor.
		case 'suggestion.create':
			return !archived && atLeast(membership, 'commenter');
		case 'suggestion.decide':
			return !archived && atLeast(membership, 'editor');
		// The badge is the course's face towards issuers, like its team: the owners' to change.
		case 'course.badge':
			return !archived && atLeast(membership, 'owner');
		// Showing who co-created the course on its public pages names the team's make-up to the world:
		// the owners' to choose, and to withdraw even once the course is archived.
		case 'course.coCreation':
			return atLeast(membership, 'owner');
		// Which editions a course has decides what the team writes and what the public sees in each
		// language: an owner's call, like the badge.
		case 'course.languages':
			return !archived && atLeast(membership, 'owner');
	}
}

export {
	TRANSITIONS,
	TRANSITION_NAMES,
	allowedTransitions,
	canTransition,
	checkTransition,
	type Transition,
	type TransitionCheck,
	type TransitionContext,
	type TransitionParty
} from './transitions';
