import type { LiveDocuments } from '../live-context';

/** Tells everyone with the course open that its comments changed; they re-read them (see protocol.ts, type 5). */
export function announceCommentsChanged(live: LiveDocuments | null, courseId: string): void {
	live?.signal(courseId, 'comments');
}
