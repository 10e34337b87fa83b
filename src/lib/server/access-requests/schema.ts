import * as v from 'valibot';
import { INVITE_ROLES, PERSPECTIVES } from '$lib/labels';
import { ID_PATTERN } from '../ids';
import { m } from '$lib/paraglide/messages';

export const ACCESS_MESSAGE_MAX = 1000;

export const requestAccessSchema = v.object({
	message: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(ACCESS_MESSAGE_MAX, () => m.access_error_message_too_long({ max: ACCESS_MESSAGE_MAX }))
	)
});

const requestId = v.pipe(v.string(), v.regex(ID_PATTERN, () => m.access_error_unknown_request()));

export const approveRequestSchema = v.object({
	requestId,
	role: v.picklist(INVITE_ROLES, () => m.team_choose_role()),
	perspective: v.picklist(PERSPECTIVES, () => m.team_choose_perspective())
});

export const declineRequestSchema = v.object({ requestId });
