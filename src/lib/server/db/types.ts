import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps come back as Date from both drivers; we write Date or let the default fill them. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

import type { CourseRole, CourseStatus, InstanceRole, Perspective } from '../../roles';
import type { CourseSpec } from '../../course-spec/types';

export type { CourseRole, CourseStatus, InstanceRole, Perspective };

export interface UserTable {
	id: string;
	email: string;
	name: string;
	password_hash: string;
	role: InstanceRole;
	created_at: Timestamp;
}

export interface SessionTable {
	/** SHA-256 of the session token, hex encoded: the token itself is never stored. */
	id: string;
	user_id: string;
	expires_at: Timestamp;
	created_at: Timestamp;
}

export interface ProviderProfileTable {
	id: Generated<number>;
	organisation_name: string;
	country: string;
	website: string;
	qa_statement: string;
	hours_per_ects: number;
	updated_at: Timestamp;
}

export interface CourseTable {
	id: string;
	title: string;
	status: ColumnType<CourseStatus, CourseStatus | undefined, CourseStatus>;
	archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	created_by: string;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export interface CourseMemberTable {
	course_id: string;
	user_id: string;
	role: CourseRole;
	perspective: Perspective;
	joined_at: Timestamp;
}

export interface CourseInviteTable {
	id: string;
	course_id: string;
	/** SHA-256 of the invite token, hex encoded. */
	token_hash: string;
	role: Exclude<CourseRole, 'owner'>;
	perspective: Perspective;
	single_use: boolean;
	use_count: Generated<number>;
	created_by: string;
	expires_at: Timestamp;
	revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	created_at: Timestamp;
}

/** Appended Yjs updates of a course's live document; folded into course_doc_state by compaction. */
export interface CourseDocUpdateTable {
	/** bigint identity: a number from PGlite, a string from pg; only ever passed back to SQL. */
	id: ColumnType<number | string, never, never>;
	course_id: string;
	/** bytea: a Buffer from pg, a Uint8Array from PGlite. */
	update: Uint8Array;
	author_ids: ColumnType<string[], string[] | undefined, string[]>;
	created_at: Timestamp;
}

/** The compacted Yjs state of a course's live document (at most one row per course). */
export interface CourseDocStateTable {
	course_id: string;
	state: Uint8Array;
	compacted_at: Timestamp;
}

/** A named version of a course document; rows are only ever added. */
export interface CourseVersionTable {
	id: string;
	course_id: string;
	/** 1, 2, 3… per course. */
	number: number;
	name: string;
	/** The whole document as one Yjs update (bytea: a Buffer from pg, a Uint8Array from PGlite). */
	state: Uint8Array;
	/** jsonb: parsed by both drivers on read; written as a JSON string. */
	spec: ColumnType<CourseSpec, string, string>;
	created_by: string;
	created_at: Timestamp;
}

export interface AuthThrottleTable {
	/** Kind and a hash of the account and/or client address (src/lib/server/auth/rate-limit.ts). */
	key: string;
	count: number;
	expires_at: Timestamp;
}

export interface Database {
	users: UserTable;
	sessions: SessionTable;
	provider_profile: ProviderProfileTable;
	courses: CourseTable;
	course_members: CourseMemberTable;
	course_invites: CourseInviteTable;
	course_doc_updates: CourseDocUpdateTable;
	course_doc_state: CourseDocStateTable;
	course_versions: CourseVersionTable;
	auth_throttle: AuthThrottleTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type CourseRow = Selectable<CourseTable>;
export type CourseUpdate = Updateable<CourseTable>;
export type CourseMemberRow = Selectable<CourseMemberTable>;
export type CourseInviteRow = Selectable<CourseInviteTable>;
export type ProviderProfileRow = Selectable<ProviderProfileTable>;
export type CourseDocUpdateRow = Selectable<CourseDocUpdateTable>;
export type CourseDocStateRow = Selectable<CourseDocStateTable>;
export type CourseVersionRow = Selectable<CourseVersionTable>;
