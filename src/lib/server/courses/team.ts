import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { can, type Actor } from '../policy';
import { pendingRequests, type AccessRequest } from '../access-requests';
import { activeInvites, type Invite } from '../invites';
import { authorizeCourse } from './access';
import { memberRecords } from './members';
import { presentMembers, type Member } from './member-presenter';

export interface Team {
	members: Member[];
	/** Open invite links; empty for people who may not manage the team. */
	invites: Invite[];
	/** Pending access requests; empty for people who may not review them. */
	requests: AccessRequest[];
}

/** Everything the team page shows, with the course's access checked once. */
export async function loadTeam(db: Kysely<Database>, actor: Actor, courseId: string, now = new Date()): Promise<Team> {
	const { context } = await authorizeCourse(db, actor, courseId, 'course.view');
	const [records, invites, requests] = await Promise.all([
		memberRecords(db, courseId),
		can(actor, 'course.manageTeam', context) ? activeInvites(db, courseId, now) : [],
		can(actor, 'access.review', context) ? pendingRequests(db, courseId) : []
	]);
	return { members: presentMembers(records, actor, context), invites, requests };
}
