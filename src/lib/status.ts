import type { CourseStatus } from './roles';

export function statusTone(status: CourseStatus): 'neutral' | 'primary' | 'success' | 'warning' {
	switch (status) {
		case 'published':
		case 'approved':
			return 'success';
		case 'in_review':
			return 'primary';
		case 'changes_requested':
			return 'warning';
		default:
			return 'neutral';
	}
}
