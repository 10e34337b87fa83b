import { CloseEvents } from './realtime';
import { liveServer } from './live';

// Access is decided when a socket opens; when it changes, open sockets must be closed so that the
// next connection is authorised under the new rules (a demoted editor must not keep writing).

/** Someone's role, or the course's state, changed: reconnect them (or everyone) under the new rules. */
export function refreshCourseAccess(courseId: string, userId?: string): void {
	liveServer()?.disconnect(courseId, CloseEvents.AccessChanged, userId ? (peer) => peer.userId === userId : undefined);
}

/** Someone's instance role changed (coordinator granted or taken): reconnect them in every course. */
export function refreshUserAccess(userId: string): void {
	liveServer()?.disconnectEverywhere(CloseEvents.AccessChanged, (peer) => peer.userId === userId);
}

/** Someone left or was removed: close their sockets for good. */
export function revokeCourseAccess(courseId: string, userId: string): void {
	liveServer()?.disconnect(courseId, CloseEvents.Forbidden, (peer) => peer.userId === userId);
}

/** A session ended (logout): its open sockets must not keep editing. */
export function endSessionSockets(sessionId: string): void {
	liveServer()?.disconnectEverywhere(CloseEvents.Unauthorized, (peer) => peer.sessionId === sessionId);
}

/**
 * A course's status changed who may read it (a withdrawn submission is the team's alone again):
 * reconnect its read-only peers so each is authorised afresh. Writers are members, whose rights
 * do not depend on the status, so they keep typing undisturbed.
 */
export function refreshReadersAccess(courseId: string): void {
	liveServer()?.disconnect(courseId, CloseEvents.AccessChanged, (peer) => !peer.canWrite);
}
