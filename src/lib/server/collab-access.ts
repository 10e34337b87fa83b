import type { Kysely } from 'kysely';
import type { Database, Perspective } from './db/types';
import { hashToken } from './hash';
import { can, type CourseContext } from './policy';
import type { MapKey } from './realtime/map-keys';
import { META } from '$lib/course-spec/layout';

/** What only owners may change in a live document: the course's languages (Settings does it on the server). */
const OWNER_KEYS: readonly MapKey[] = [[META, 'languages']];

export type CollabAccess =
	| {
			ok: true;
			user: { id: string; name: string };
			perspective: Perspective | null;
			canWrite: boolean;
			sessionId: string;
			lockedKeys: readonly MapKey[];
	  }
	| { ok: false; status: 401 | 404 };

/**
 * Decides whether a WebSocket upgrade to a course's live document may proceed, and whether the peer
 * may write. Uses the same session validation and policy as every HTTP request.
 */
export async function authorizeCollab(
	db: Kysely<Database>,
	request: { courseId: string; sessionToken: string | undefined }
): Promise<CollabAccess> {
	if (!request.sessionToken) return { ok: false, status: 401 };
	// One round trip for session, user, course and membership: every socket (and every reconnect of
	// every socket) passes here before its handshake, so three queries per connection add up.
	const now = new Date();
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.leftJoin('courses', (join) => join.on('courses.id', '=', request.courseId))
		.leftJoin('course_members', (join) =>
			join.onRef('course_members.course_id', '=', 'courses.id').onRef('course_members.user_id', '=', 'users.id')
		)
		.select([
			'sessions.id as session_id',
			'sessions.expires_at',
			'users.id as user_id',
			'users.name',
			'users.role',
			'courses.id as course_id',
			'courses.status',
			'courses.archived_at',
			'course_members.role as member_role',
			'course_members.perspective'
		])
		.where('sessions.id', '=', hashToken(request.sessionToken))
		.executeTakeFirst();
	// An expired session is refused; deleting it is left to the page requests that validate sessions.
	if (!row || new Date(row.expires_at).getTime() <= now.getTime()) return { ok: false, status: 401 };
	if (!row.course_id || !row.status) return { ok: false, status: 404 };
	const user = { id: row.user_id, role: row.role };
	const membership = row.member_role && row.perspective ? { role: row.member_role, perspective: row.perspective } : null;
	const context: CourseContext = { status: row.status, archived: row.archived_at !== null, membership };
	// Answered as for a course that does not exist, as the pages do, so course ids cannot be probed.
	if (!can(user, 'course.view', context)) return { ok: false, status: 404 };
	return {
		ok: true,
		user: { id: row.user_id, name: row.name },
		perspective: membership?.perspective ?? null,
		canWrite: can(user, 'course.edit', context),
		sessionId: row.session_id,
		lockedKeys: can(user, 'course.languages', context) ? [] : OWNER_KEYS
	};
}

/** Checked in one statement per this many ids, keeping the `in (...)` list bounded. */
const SESSION_CHECK_BATCH = 500;

/**
 * Of these session ids, the ones that still exist and have not expired. Lets the realtime server close
 * sockets whose session ended in any way: logout, expiry, revocation, from this process or another.
 */
export async function validSessionIds(db: Kysely<Database>, sessionIds: string[], now = new Date()): Promise<Set<string>> {
	const valid = new Set<string>();
	for (let i = 0; i < sessionIds.length; i += SESSION_CHECK_BATCH) {
		const rows = await db
			.selectFrom('sessions')
			.select('id')
			.where('id', 'in', sessionIds.slice(i, i + SESSION_CHECK_BATCH))
			.where('expires_at', '>', now)
			.execute();
		for (const row of rows) valid.add(row.id);
	}
	return valid;
}

const PRESENCE_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * A peer publishes its own presence, and every name other people see in it must be the one the
 * server knows for that socket: the person in the people list (`person`: id and name) and the label
 * on a Tiptap caret (`user`: name and a #rrggbb colour, which is also drawn as CSS). A state with any
 * other claim is dropped whole, so nobody can appear in a course, or type, as someone else.
 */
export function acceptsPresence(peer: { userId: string; name?: string }, state: unknown): boolean {
	if (!state || typeof state !== 'object') return true;
	const { person, user } = state as { person?: unknown; user?: unknown };
	if ('person' in state) {
		const claimed = person as { id?: unknown; name?: unknown } | null;
		if (claimed?.id !== peer.userId || claimed?.name !== peer.name) return false;
	}
	if ('user' in state && user !== null) {
		const caret = user as { name?: unknown; color?: unknown };
		if (typeof user !== 'object' || caret.name !== peer.name) return false;
		if (typeof caret.color !== 'string' || !PRESENCE_COLOR.test(caret.color)) return false;
	}
	return true;
}
