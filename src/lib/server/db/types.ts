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
	/** Interface language chosen by the person; null follows Accept-Language. */
	locale: ColumnType<string | null, string | null | undefined, string | null>;
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
	/** The public address (/c/<slug>), set at the first publication and kept from then on. */
	slug: ColumnType<string | null, string | null | undefined, string | null>;
	retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	/** The uploaded badge the next published version takes; null: the generated one (migrations/0012). */
	badge_id: ColumnType<string | null, string | null | undefined, string | null>;
	/** The owner's choice to show "co-created with…" on the public pages (migrations/0020). */
	show_co_creation: ColumnType<boolean, boolean | undefined, boolean>;
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
	/** Written from a live room's (guarded) document: applied without the guard's extra read. */
	guarded: ColumnType<boolean, boolean | undefined, boolean>;
}

/**
 * What a version is: one people saved under a name, an automatic snapshot after a burst of editing,
 * the state just before a restore, or the record of a restore (holding the state it produced).
 */
export type VersionKind = 'named' | 'automatic' | 'before_restore' | 'restore';

/**
 * A version of a course document. Rows are added and not changed, with one exception: automatic
 * snapshots older than a day are thinned, the one kept taking over the participants of those
 * removed (see versions/thinning.ts). Every other kind stays as it is.
 */
export interface CourseVersionTable {
	id: string;
	course_id: string;
	/** 1, 2, 3… per course; numbers of thinned snapshots are not reused. */
	number: number;
	kind: ColumnType<VersionKind, VersionKind | undefined, never>;
	/** Set for named versions only. */
	name: string | null;
	/** The whole document as one Yjs update (bytea: a Buffer from pg, a Uint8Array from PGlite). */
	state: Uint8Array;
	/** jsonb: parsed by both drivers on read; written as a JSON string. */
	spec: ColumnType<CourseSpec, string, string>;
	/** Who saved or restored it; null for automatic snapshots. */
	created_by: string | null;
	/** Automatic snapshots: the user ids whose edits they collect. Empty for the other kinds. */
	participants: ColumnType<string[], string[] | undefined, string[]>;
	/** For a restore and the state kept just before it: the number of the version brought back. */
	restored_from: number | null;
	created_at: Timestamp;
}

export interface CourseReviewTable {
	id: string;
	course_id: string;
	submitted_by: string;
	submitted_at: Timestamp;
	note: ColumnType<string, string | undefined, string>;
	/** The document as submitted, one Yjs update. */
	state: Uint8Array;
	spec: ColumnType<CourseSpec, string, string>;
	decided_by: string | null;
	decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	decision: ReviewDecision | null;
	decision_note: ColumnType<string, string | undefined, string>;
	/** What changed since the last published version, in the team's words; published with the version. */
	change_notes: ColumnType<string, string | undefined, string>;
	/** "Updated after pilot feedback": the team's summary (counts and themes), published with the version. */
	feedback_summary: ColumnType<string, string | undefined, string>;
}

export type ReviewDecision = 'approved' | 'changes_requested' | 'withdrawn';

export interface CourseStatusEventTable {
	id: string;
	course_id: string;
	from_status: CourseStatus | null;
	to_status: CourseStatus | 'retired' | 'unretired';
	actor_id: string | null;
	note: ColumnType<string, string | undefined, string>;
	/** The version an event published. */
	version_number: ColumnType<number | null, number | null | undefined, never>;
	created_at: Timestamp;
}

/** Immutable once inserted: the database refuses UPDATE, DELETE and TRUNCATE. */
export interface PublishedVersionTable {
	id: string;
	course_id: string;
	number: number;
	state: Uint8Array;
	spec: ColumnType<CourseSpec, string, never>;
	/** SHA-256 (hex) of canonicalJson(spec). */
	content_hash: string;
	change_notes: ColumnType<string, string | undefined, never>;
	/** The team's summary of the pilot feedback this version answers; '' when none was written. */
	feedback_summary: ColumnType<string, string | undefined, never>;
	review_id: string | null;
	approved_by: string;
	approved_at: ColumnType<Date, Date | string, never>;
	published_by: string;
	published_at: ColumnType<Date, Date | string | undefined, never>;
	/** Students and company partners who had taken part when it was published; null before 0020. */
	co_created_students: ColumnType<number | null, number | null | undefined, never>;
	co_created_partners: ColumnType<number | null, number | null | undefined, never>;
}

export interface NotificationTable {
	id: string;
	user_id: string;
	kind: string;
	course_id: string | null;
	actor_id: string | null;
	data: ColumnType<Record<string, unknown>, string | undefined, string>;
	created_at: Timestamp;
	read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	/** Set once the notification went out by email (comment kinds are batched). */
	emailed_at?: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A signed-in outsider asking a course's owners for a role. */
export interface CourseAccessRequestTable {
	id: string;
	course_id: string;
	user_id: string;
	message: ColumnType<string, string | undefined, string>;
	status: ColumnType<AccessRequestStatus, AccessRequestStatus | undefined, AccessRequestStatus>;
	created_at: Timestamp;
	decided_by: ColumnType<string | null, string | null | undefined, string | null>;
	decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type AccessRequestStatus = 'pending' | 'approved' | 'declined';

/** One row per access request sent, whether or not its course exists: the per-person rate limit. */
export interface AccessRequestAttemptTable {
	user_id: string;
	attempted_at: Timestamp;
}

export interface AuthThrottleTable {
	/** Kind and a hash of the account and/or client address (src/lib/server/auth/rate-limit.ts). */
	key: string;
	count: number;
	expires_at: Timestamp;
}

// ── Pilot feedback (migrations/0011) ──
import type {
	FeedbackPerspective,
	ItemStatus as FeedbackItemStatus,
	QuestionKind as FeedbackQuestionKind,
	SubjectKind as FeedbackSubjectKind
} from '../../feedback/model';
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface FeedbackRoundTable {
	id: string;
	course_id: string;
	version_number: number;
	version_title: string;
	/** jsonb: the frozen spec participants see. */
	spec: ColumnType<CourseSpec, string, string>;
	title: string;
	intro: ColumnType<string, string | undefined, string>;
	audience: FeedbackPerspective[];
	language: string;
	anonymous: boolean;
	time_zone: string;
	opens_at: Timestamp;
	closes_at: Timestamp;
	created_by: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
	/** Counts every stored or changed response (migrations/0019): what results computed earlier are keyed by. */
	responses_generation: Generated<number>;
}

export interface FeedbackQuestionTable {
	round_id: string;
	id: string;
	position: number;
	kind: FeedbackQuestionKind;
	role: string;
	subject_kind: FeedbackSubjectKind;
	subject_id: string | null;
	prompt: string;
	help: ColumnType<string, string | undefined, string>;
	/** jsonb: [{ id, label }] for choice questions. */
	options: ColumnType<{ id: string; label: string }[], string | undefined, string>;
	required: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface FeedbackLinkTable {
	id: string;
	round_id: string;
	kind: 'anonymous' | 'personal';
	email: string | null;
	response_cap: number | null;
	refused_count: ColumnType<number, number | undefined, number>;
	emailed_at: NullableTimestamp;
	reminded_at: NullableTimestamp;
	reminder_count: ColumnType<number, number | undefined, number>;
	revoked_at: NullableTimestamp;
	created_by: string | null;
	created_at: Timestamp;
}

export interface FeedbackLinkTokenTable {
	/** SHA-256 of a link token, hex encoded. */
	token_hash: string;
	link_id: string;
	created_at: Timestamp;
}

export interface FeedbackResponseTable {
	id: string;
	round_id: string;
	link_id: string;
	personal: boolean;
	perspective: FeedbackPerspective;
	respondent_name: string | null;
	/** jsonb: { question id: number | string | string[] }. */
	answers: ColumnType<Record<string, number | string | string[]>, string, string>;
	submitted_at: Timestamp;
	updated_at: Timestamp;
}

export interface FeedbackItemTable {
	id: string;
	round_id: string;
	response_id: string;
	question_id: string;
	subject_kind: FeedbackSubjectKind;
	subject_id: string | null;
	excerpt: string;
	status: ColumnType<FeedbackItemStatus, FeedbackItemStatus | undefined, FeedbackItemStatus>;
	note: ColumnType<string, string | undefined, string>;
	said: string | null;
	version_number: number | null;
	published_version_id: string | null;
	answer_changed_at: NullableTimestamp;
	updated_by: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

/**
 * The catalogue's search index: one row per published course, derived from its latest published
 * version (src/lib/server/catalogue/), so it holds nothing that was not published. Rebuilt at will.
 */
export interface CatalogueEntryTable {
	course_id: string;
	version_id: string;
	slug: string;
	version_number: number;
	published_at: ColumnType<Date, Date | string, Date | string>;
	retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	language: string;
	title: string;
	excerpt: string;
	provider: string;
	country: string | null;
	languages: string[];
	eqf_level: number | null;
	ects: number | null;
	participation_form: string | null;
	field_code: string | null;
	topics: string[];
	/** tsvectors: written through SQL expressions, never read as values. */
	tsv: ColumnType<string, unknown, unknown>;
	tsv_title: ColumnType<string, unknown, unknown>;
	indexed_at: Timestamp;
}

/** Per language, the text of a catalogue entry and its vector: for the highlighted passages of results. */
export interface CatalogueTextTable {
	course_id: string;
	body_fi: string;
	body_sv: string;
	body_en: string;
	body_other: string;
	tsv_fi: ColumnType<string, unknown, unknown>;
	tsv_sv: ColumnType<string, unknown, unknown>;
	tsv_en: ColumnType<string, unknown, unknown>;
	tsv_other: ColumnType<string, unknown, unknown>;
}

/** Finnish stems of published text, for the trigram fallback of catalogue search. */
export interface CatalogueStemTable {
	stem: string;
}

// ── Comments, suggestions and attribution (migrations/0014) ──
export type CommentAnchorKind = 'field' | 'item' | 'range';
export type SuggestionState = 'open' | 'accepted' | 'rejected';

export interface CommentThreadTable {
	id: string;
	course_id: string;
	anchor_kind: CommentAnchorKind;
	field_key: string;
	item_id: string | null;
	lang: string | null;
	/** Base64 of Y.encodeRelativePosition, for range anchors. */
	range_start: string | null;
	range_end: string | null;
	quote: ColumnType<string, string | undefined, string>;
	/** jsonb: a Suggestion (src/lib/comments/model.ts). */
	suggestion: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
	suggestion_state: SuggestionState | null;
	decided_by: string | null;
	decided_at: NullableTimestamp;
	review_id: string | null;
	created_by: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
	resolved_by: string | null;
	resolved_at: NullableTimestamp;
}

export interface CommentTable {
	id: string;
	thread_id: string;
	author_id: string | null;
	body: string;
	mentions: ColumnType<string[], string[] | undefined, string[]>;
	created_at: Timestamp;
	edited_at: NullableTimestamp;
	deleted_at: NullableTimestamp;
}

export interface CourseFieldEditTable {
	course_id: string;
	user_id: string;
	field_key: string;
	item_id: ColumnType<string, string | undefined, string>;
	edits: ColumnType<number, number | undefined, number>;
	last_edited_at: Timestamp;
}

export interface NotificationEmailBatchTable {
	user_id: string;
	last_sent_at: Timestamp;
}

// ── Credential exports (migrations/0012) ──

/** A badge image an owner uploaded: a PNG as sent, or an SVG as rebuilt by the sanitiser. */
export interface CourseBadgeTable {
	id: string;
	course_id: string;
	content_type: 'image/png' | 'image/svg+xml';
	/** bytea: a Buffer from pg, a Uint8Array from PGlite. */
	bytes: Uint8Array;
	sha256: string;
	filename: ColumnType<string, string | undefined, string>;
	uploaded_by: string | null;
	uploaded_at: Timestamp;
}

/** What a published version's exports are built from besides its spec; immutable like the version. */
export interface PublishedVersionExportTable {
	version_id: string;
	provider: ColumnType<{ name: string; country: string; website: string }, string, never>;
	badge_id: ColumnType<string | null, string | null | undefined, never>;
}

/** A stackable pathway (migration 0013): published courses grouped into a larger whole. */
export interface PathwayTable {
	id: string;
	slug: string;
	title: string;
	description: ColumnType<string, string | undefined, string>;
	language: ColumnType<string, string | undefined, string>;
	requirement: ColumnType<'all' | 'some', 'all' | 'some' | undefined, 'all' | 'some'>;
	required_count: number | null;
	published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	first_published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	created_by: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export interface PathwayPartTable {
	pathway_id: string;
	course_id: string;
	position: number;
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
	course_reviews: CourseReviewTable;
	course_status_events: CourseStatusEventTable;
	published_versions: PublishedVersionTable;
	notifications: NotificationTable;
	course_access_requests: CourseAccessRequestTable;
	access_request_attempts: AccessRequestAttemptTable;
	auth_throttle: AuthThrottleTable;
	feedback_rounds: FeedbackRoundTable;
	feedback_questions: FeedbackQuestionTable;
	feedback_links: FeedbackLinkTable;
	feedback_link_tokens: FeedbackLinkTokenTable;
	feedback_responses: FeedbackResponseTable;
	feedback_items: FeedbackItemTable;
	catalogue_entries: CatalogueEntryTable;
	catalogue_texts: CatalogueTextTable;
	catalogue_stems: CatalogueStemTable;
	comment_threads: CommentThreadTable;
	comments: CommentTable;
	course_field_edits: CourseFieldEditTable;
	notification_email_batches: NotificationEmailBatchTable;
	course_badges: CourseBadgeTable;
	published_version_exports: PublishedVersionExportTable;
	pathways: PathwayTable;
	pathway_parts: PathwayPartTable;
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
export type NewCourseVersionRow = Insertable<CourseVersionTable>;
export type CourseAccessRequestRow = Selectable<CourseAccessRequestTable>;
export type CourseReviewRow = Selectable<CourseReviewTable>;
export type CourseStatusEventRow = Selectable<CourseStatusEventTable>;
export type PublishedVersionRow = Selectable<PublishedVersionTable>;
export type NotificationRow = Selectable<NotificationTable>;
