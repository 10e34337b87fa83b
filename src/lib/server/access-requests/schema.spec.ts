import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGE_MAX, approveRequestSchema, requestAccessSchema } from './schema';

describe('requestAccessSchema', () => {
	it('takes an optional message, trimmed', () => {
		expect(v.parse(requestAccessSchema, {})).toEqual({ message: '' });
		expect(v.parse(requestAccessSchema, { message: '  I lead the pilot.  ' })).toEqual({ message: 'I lead the pilot.' });
	});

	it('refuses a message that is too long, with a message for the field', () => {
		const result = v.safeParse(requestAccessSchema, { message: 'x'.repeat(ACCESS_MESSAGE_MAX + 1) });
		expect(result.issues?.[0].message).toBe('Keep the message under 1000 characters.');
	});
});

describe('approveRequestSchema', () => {
	it('grants editor, commenter or viewer, never owner', () => {
		const base = { requestId: 'a'.repeat(24), perspective: 'student' };
		expect(v.safeParse(approveRequestSchema, { ...base, role: 'commenter' }).success).toBe(true);
		expect(v.safeParse(approveRequestSchema, { ...base, role: 'owner' }).issues?.[0].message).toBe('Choose a role.');
	});
});
