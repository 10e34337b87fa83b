import { liveServer } from '../live';

/** Tells everyone with the course open that its comments changed; they re-read them (see protocol.ts, type 5). */
export function announceCommentsChanged(courseId: string): void {
	liveServer()?.signal(courseId, 'comments');
}
