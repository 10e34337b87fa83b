import type { TimelineEvent } from '$lib/server/review';
import { m } from '$lib/paraglide/messages';

/** What a status change was, in words: "Asked for changes", "Published v2". */
export function eventTitle(event: Pick<TimelineEvent, 'from' | 'to' | 'version'>): string {
	switch (event.to) {
		case 'in_review':
			return event.from === 'changes_requested' ? m.review_event_resubmitted() : m.review_event_submitted();
		case 'changes_requested':
			return m.review_event_changes_requested();
		case 'approved':
			return m.review_event_approved();
		case 'published':
			return event.from === 'in_review' ? m.review_event_withdrew() : m.review_event_published({ version: event.version ?? '?' });
		case 'draft':
			return m.review_event_withdrew();
		case 'retired':
			return m.review_event_retired();
		case 'unretired':
			return m.review_event_unretired();
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
