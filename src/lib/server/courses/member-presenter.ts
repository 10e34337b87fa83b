import { colorForUser, memberColor } from '$lib/collab/colors';
import type { CourseRole, Perspective } from '../db/types';
import { can, type Actor, type CourseContext } from '../policy';

/** A member as stored, in join order: what never leaves the server as it is. */
export interface MemberRecord {
	userId: string;
	name: string;
	email: string;
	role: CourseRole;
	perspective: Perspective;
	joinedAt: Date;
}

/** A member as one viewer may see them. */
export interface Member {
	userId: string;
	name: string;
	/** Only for viewers allowed 'team.viewEmails' (owners); null for everyone else. */
	email: string | null;
	role: CourseRole;
	perspective: Perspective;
	joinedAt: Date;
	/** Presence colour, by join order: the same one the live editor shows for this person. */
	color: string;
}

/**
 * The one place that decides what a viewer receives about a course's members. `records` must be in
 * join order (see members.ts), since the colours follow it.
 */
export function presentMembers(records: readonly MemberRecord[], viewer: Actor, context: CourseContext): Member[] {
	const showEmails = can(viewer, 'team.viewEmails', context);
	return records.map((record, joinIndex) => ({
		userId: record.userId,
		name: record.name,
		email: showEmails ? record.email : null,
		role: record.role,
		perspective: record.perspective,
		joinedAt: record.joinedAt,
		color: memberColor(joinIndex)
	}));
}

/** The presence colour of one person in a course; readers outside the team get one no member has. */
export function presenceColorAmong(records: readonly Pick<MemberRecord, 'userId'>[], userId: string): string {
	const joinIndex = records.findIndex((r) => r.userId === userId);
	return joinIndex >= 0 ? memberColor(joinIndex) : colorForUser(userId, records.length);
}
