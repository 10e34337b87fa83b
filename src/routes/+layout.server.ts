import { unreadCount } from '$lib/server/notifications';
import { canPathway } from '$lib/server/policy/pathways';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	// Read so that this load runs again on every navigation: the bell's count stays current.
	void url.pathname;
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user ? { id: user.id, name: user.name, role: user.role } : null,
		unreadNotifications: user ? await unreadCount(locals.db, user.id) : 0,
		// Coordinators and admins build pathways: the navigation shows them the way there.
		canBuildPathways: canPathway(user ?? null, 'pathway.list')
	};
};
