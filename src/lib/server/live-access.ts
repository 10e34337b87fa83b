import { CloseEvents } from './realtime';
import type { LiveDocuments } from './live-context';

// Access is decided when a socket opens; when it changes, open sockets must be closed so that the
// next connection is authorised under the new rules (a demoted editor must not keep writing).
// Each change is described as data (an AccessChange), so that with several processes the relay
// can apply it to every process's sockets, not only to this one's. Without a realtime server
// (live is null) there are no sockets to close.

/** Someone's role, or the course's state, changed: reconnect them (or everyone) under the new rules. */
export function refreshCourseAccess(live: LiveDocuments | null, courseId: string, userId?: string): void {
	live?.changeAccess({ scope: 'course', courseId, userId, event: CloseEvents.AccessChanged });
}

/** Someone's instance role changed (coordinator granted or taken): reconnect them in every course. */
export function refreshUserAccess(live: LiveDocuments | null, userId: string): void {
	live?.changeAccess({ scope: 'user', userId, event: CloseEvents.AccessChanged });
}

/** Someone left or was removed: close their sockets for good. */
export function revokeCourseAccess(live: LiveDocuments | null, courseId: string, userId: string): void {
	live?.changeAccess({ scope: 'course', courseId, userId, event: CloseEvents.Forbidden });
}

/** A session ended (logout): its open sockets must not keep editing. */
export function endSessionSockets(live: LiveDocuments | null, sessionId: string): void {
	live?.changeAccess({ scope: 'session', sessionId, event: CloseEvents.Unauthorized });
}

/**
 * A course's status changed who may read it (a withdrawn submission is the team's alone again):
 * reconnect its read-only peers so each is authorised afresh. Writers are members, whose rights
 * do not depend on the status, so they keep typing undisturbed.
 */
export function refreshReadersAccess(live: LiveDocuments | null, courseId: string): void {
	live?.changeAccess({ scope: 'course', courseId, readersOnly: true, event: CloseEvents.AccessChanged });
}
