import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { plainText } from '../form-text';
import { PERSPECTIVES, INVITE_ROLES } from '$lib/labels';

export const courseTitle = v.pipe(
	v.string('Give the course a title.'),
	v.trim(),
	plainText(),
	v.nonEmpty('Give the course a title.'),
	v.maxLength(200, 'Keep the title under 200 characters.')
);

export const createCourseSchema = v.object({
	title: courseTitle,
	perspective: v.optional(v.picklist(PERSPECTIVES, 'Choose your perspective.'), 'lecturer')
});

export const renameCourseSchema = v.object({ title: courseTitle });

export const createInviteSchema = v.object({
	role: v.picklist(INVITE_ROLES, 'Choose a role.'),
	perspective: v.picklist(PERSPECTIVES, 'Choose a perspective.'),
	expiresInDays: v.pipe(
		v.optional(v.string(), '14'),
		v.transform((s) => (s.trim() === '' ? 14 : Number(s))),
		v.number('Enter a number of days.'),
		v.integer('Enter a whole number of days.'),
		v.minValue(1, 'An invite must be valid for at least 1 day.'),
		v.maxValue(90, 'An invite can be valid for at most 90 days.')
	),
	singleUse: v.pipe(
		v.optional(v.string(), ''),
		v.transform((s) => s === 'on' || s === 'true')
	)
});

export const memberChangeSchema = v.object({
	userId: v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, 'Unknown member.')),
	role: v.optional(v.picklist(['owner', 'editor', 'commenter', 'viewer'] as const, 'Choose a role.')),
	perspective: v.optional(v.picklist(PERSPECTIVES, 'Choose a perspective.'))
});

export const memberSchema = v.object({
	userId: v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, 'Unknown member.'))
});

export const inviteIdSchema = v.object({
	inviteId: v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, 'Unknown invite.'))
});

// Which language: checked against the course-language list by the verbs, which name the language in
// their messages.
const languageCode = v.pipe(
	v.string(() => m.languages_choose()),
	v.trim(),
	v.nonEmpty(() => m.languages_choose()),
	v.maxLength(20, () => m.languages_choose_from_list())
);

export const courseLanguageSchema = v.object({ language: languageCode });

export const removeCourseLanguageSchema = v.object({
	language: languageCode,
	/** Present once the owner has seen how many texts removing the language deletes. */
	confirmedTexts: v.optional(
		v.pipe(
			v.string(),
			v.transform(Number),
			v.number(() => m.languages_confirm_again()),
			v.integer(() => m.languages_confirm_again()),
			v.minValue(0, () => m.languages_confirm_again())
		)
	)
});
