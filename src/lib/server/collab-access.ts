import type { Kysely } from 'kysely';
import type { Database, Perspective } from './db/types';
import { validateSessionToken } from './auth/session';
import { getCourseAccess } from './courses/access';
import { can } from './policy';

export type CollabAccess =
	| {
			ok: true;
			user: { id: string; name: string };
			perspective: Perspective | null;
			canWrite: boolean;
			sessionId: string;
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
	const { user, session } = await validateSessionToken(db, request.sessionToken);
	if (!user) return { ok: false, status: 401 };
	const access = await getCourseAccess(db, request.courseId, user.id);
	if (!access) return { ok: false, status: 404 };
	// Answered as for a course that does not exist, as the pages do, so course ids cannot be probed.
	if (!can(user, 'course.view', access.context)) return { ok: false, status: 404 };
	return {
		ok: true,
		user: { id: user.id, name: user.name },
		perspective: access.membership?.perspective ?? null,
		canWrite: can(user, 'course.edit', access.context),
		sessionId: session.id
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
