import type { TimelineEvent } from '$lib/server/review';

/** What a status change was, in words: "Asked for changes", "Published v2". */
export function eventTitle(event: Pick<TimelineEvent, 'from' | 'to' | 'version'>): string {
	switch (event.to) {
		case 'in_review':
			return event.from === 'changes_requested' ? 'Resubmitted for review' : 'Submitted for review';
		case 'changes_requested':
			return 'Asked for changes';
		case 'approved':
			return 'Approved';
		case 'published':
			return event.from === 'in_review' ? 'Withdrew the submission' : `Published v${event.version ?? '?'}`;
		case 'draft':
			return 'Withdrew the submission';
		case 'retired':
			return 'Retired the course';
		case 'unretired':
			return 'Brought the course back';
	}
}

export function eventTone(event: Pick<TimelineEvent, 'from' | 'to'>): 'neutral' | 'primary' | 'success' | 'warning' {
	switch (event.to) {
		case 'in_review':
			return 'primary';
		case 'changes_requested':
		case 'retired':
			return 'warning';
		case 'approved':
		case 'unretired':
			return 'success';
		case 'published':
			return event.from === 'in_review' ? 'neutral' : 'success';
		default:
			return 'neutral';
	}
}
