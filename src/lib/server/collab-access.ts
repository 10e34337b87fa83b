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
	| { ok: false; status: 401 | 403 | 404 };

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
	if (!can(user, 'course.view', access.context)) return { ok: false, status: 403 };
	return {
		ok: true,
		user: { id: user.id, name: user.name },
		perspective: access.membership?.perspective ?? null,
		canWrite: can(user, 'course.edit', access.context),
		sessionId: session.id
	};
}

/**
 * A peer publishes its own presence: the person it names (who the people list shows) must be the
 * signed-in user of that socket, so nobody can appear in a course as someone else.
 */
export function acceptsPresence(peer: { userId: string; name?: string }, state: unknown): boolean {
	if (!state || typeof state !== 'object' || !('person' in state)) return true;
	const person = (state as { person?: { id?: unknown; name?: unknown } | null }).person;
	return person?.id === peer.userId && person?.name === peer.name;
}
