import type { CourseRole, CourseStatus, InstanceRole, Perspective } from '$lib/roles';

// Display names for the enumerations the UI shows; shared by browser and server rendering.
export const ROLE_LABELS: Record<CourseRole, string> = {
	owner: 'Owner',
	editor: 'Editor',
	commenter: 'Commenter',
	viewer: 'Viewer'
};

export const ROLE_DESCRIPTIONS: Record<CourseRole, string> = {
	owner: 'Edits everything and manages the team',
	editor: 'Edits the course specification',
	commenter: 'Reads and comments',
	viewer: 'Reads only'
};

export const PERSPECTIVE_LABELS: Record<Perspective, string> = {
	lecturer: 'Lecturer',
	company_partner: 'Company partner',
	student: 'Student',
	coordinator: 'Coordinator',
	other: 'Other'
};

export const STATUS_LABELS: Record<CourseStatus, string> = {
	draft: 'Draft',
	in_review: 'In review',
	changes_requested: 'Changes requested',
	approved: 'Approved',
	published: 'Published'
};

export const INSTANCE_ROLE_LABELS: Record<InstanceRole, string> = {
	admin: 'Admin',
	coordinator: 'Coordinator',
	member: 'Member'
};

export const PERSPECTIVES = Object.keys(PERSPECTIVE_LABELS) as Perspective[];
export const INVITE_ROLES = ['editor', 'commenter', 'viewer'] as const;
