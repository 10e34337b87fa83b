import * as v from 'valibot';
import { INVITE_ROLES, PERSPECTIVES } from '$lib/labels';
import { ID_PATTERN } from '../ids';

export const ACCESS_MESSAGE_MAX = 1000;

export const requestAccessSchema = v.object({
	message: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(ACCESS_MESSAGE_MAX, `Keep the message under ${ACCESS_MESSAGE_MAX} characters.`)
	)
});

const requestId = v.pipe(v.string(), v.regex(ID_PATTERN, 'Unknown request.'));

export const approveRequestSchema = v.object({
	requestId,
	role: v.picklist(INVITE_ROLES, 'Choose a role.'),
	perspective: v.picklist(PERSPECTIVES, 'Choose a perspective.')
});

export const declineRequestSchema = v.object({ requestId });
