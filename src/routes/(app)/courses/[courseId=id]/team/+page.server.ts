import { redirect } from '@sveltejs/kit';
import { changeMember, loadTeam, removeMember } from '$lib/server/courses';
import { createInviteSchema, inviteIdSchema, memberChangeSchema, memberSchema } from '$lib/server/courses/schema';
import { approveAccessRequest, declineAccessRequest } from '$lib/server/access-requests';
import { approveRequestSchema, declineRequestSchema } from '$lib/server/access-requests/schema';
import { domainFailure, parseForm, readForm } from '$lib/server/forms';
import { orHttpError, requireUser } from '$lib/server/guard';
import { createInvite, revokeInvite } from '$lib/server/invites';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const team = await orHttpError(loadTeam(event.locals.db, user, event.params.courseId));
	return { ...team, me: user.id };
};

export const actions: Actions = {
	invite: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(createInviteSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			const { invite, token } = await createInvite(event.locals.db, user, event.params.courseId, parsed.data);
			return { inviteLink: `${event.url.origin}/invite/${token}`, inviteId: invite.id };
		} catch (err) {
			return domainFailure(err, formData);
		}
	},
	revoke: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(inviteIdSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await revokeInvite(event.locals.db, user, event.params.courseId, parsed.data.inviteId);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { revoked: true };
	},
	change: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(memberChangeSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const { userId, ...changes } = parsed.data;
		try {
			await changeMember(event.locals, user, event.params.courseId, userId, changes);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { changed: userId };
	},
	remove: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(memberSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await removeMember(event.locals, user, event.params.courseId, parsed.data.userId);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { removed: true };
	},
	leave: async (event) => {
		const user = requireUser(event);
		try {
			await removeMember(event.locals, user, event.params.courseId, user.id);
		} catch (err) {
			return domainFailure(err, new FormData());
		}
		redirect(303, '/courses');
	},
	approve: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(approveRequestSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const { requestId, ...grant } = parsed.data;
		try {
			await approveAccessRequest(event.locals.db, user, event.params.courseId, requestId, grant);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { approved: requestId };
	},
	decline: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event.request);
		const parsed = parseForm(declineRequestSchema, formData);
		if (!parsed.ok) return parsed.failure;
		try {
			await declineAccessRequest(event.locals.db, user, event.params.courseId, parsed.data.requestId);
		} catch (err) {
			return domainFailure(err, formData);
		}
		return { declined: parsed.data.requestId };
	}
};
