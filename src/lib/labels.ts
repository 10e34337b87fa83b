import type { CourseRole, CourseStatus, InstanceRole, Perspective } from '$lib/roles';
import { m } from '$lib/paraglide/messages';

/**
 * Display names for the enumerations the UI shows; shared by browser and server rendering. Each entry
 * is a getter that calls its message on every read, so `ROLE_LABELS[role]` is in the language of the
 * request (or page) reading it, never in the language of whoever first imported this module.
 */
function labels<K extends string>(messages: Record<K, () => string>): Record<K, string> {
	const result = {} as Record<K, string>;
	for (const key of Object.keys(messages) as K[]) {
		Object.defineProperty(result, key, { enumerable: true, get: () => messages[key]() });
	}
	return result;
}

export const ROLE_LABELS = labels<CourseRole>({
	owner: () => m.role_owner(),
	editor: () => m.role_editor(),
	commenter: () => m.role_commenter(),
	viewer: () => m.role_viewer()
});

export const ROLE_DESCRIPTIONS = labels<CourseRole>({
	owner: () => m.role_owner_description(),
	editor: () => m.role_editor_description(),
	commenter: () => m.role_commenter_description(),
	viewer: () => m.role_viewer_description()
});

export const PERSPECTIVE_LABELS = labels<Perspective>({
	lecturer: () => m.perspective_lecturer(),
	company_partner: () => m.perspective_company_partner(),
	student: () => m.perspective_student(),
	coordinator: () => m.perspective_coordinator(),
	other: () => m.perspective_other()
});

export const STATUS_LABELS = labels<CourseStatus>({
	draft: () => m.status_draft(),
	in_review: () => m.status_in_review(),
	changes_requested: () => m.status_changes_requested(),
	approved: () => m.status_approved(),
	published: () => m.status_published()
});

export const INSTANCE_ROLE_LABELS = labels<InstanceRole>({
	admin: () => m.role_instance_admin(),
	coordinator: () => m.role_instance_coordinator(),
	member: () => m.role_instance_member()
});

export const PERSPECTIVES = Object.keys(PERSPECTIVE_LABELS) as Perspective[];
export const INVITE_ROLES = ['editor', 'commenter', 'viewer'] as const;
