import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { plainText } from '../form-text';
import { PERSPECTIVES, INVITE_ROLES } from '$lib/labels';

export const courseTitle = v.pipe(
	v.string(() => m.courses_title_required()),
	v.trim(),
	plainText(),
	v.nonEmpty(() => m.courses_title_required()),
	v.maxLength(200, () => m.courses_title_too_long({ max: 200 }))
);

export const createCourseSchema = v.object({
	title: courseTitle,
	perspective: v.optional(v.picklist(PERSPECTIVES, () => m.team_choose_your_perspective()), 'lecturer')
});

export const renameCourseSchema = v.object({ title: courseTitle });

export const createInviteSchema = v.object({
	role: v.picklist(INVITE_ROLES, () => m.team_choose_role()),
	perspective: v.picklist(PERSPECTIVES, () => m.team_choose_perspective()),
	expiresInDays: v.pipe(
		v.optional(v.string(), '14'),
		v.transform((s) => (s.trim() === '' ? 14 : Number(s))),
		v.number(() => m.team_days_number()),
		v.integer(() => m.team_days_whole()),
		v.minValue(1, () => m.team_days_min({ count: 1 })),
		v.maxValue(90, () => m.team_days_max({ count: 90 }))
	),
	singleUse: v.pipe(
		v.optional(v.string(), ''),
		v.transform((s) => s === 'on' || s === 'true')
	)
});

export const memberChangeSchema = v.object({
	userId: v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, () => m.team_unknown_member())),
	role: v.optional(v.picklist(['owner', 'editor', 'commenter', 'viewer'] as const, () => m.team_choose_role())),
	perspective: v.optional(v.picklist(PERSPECTIVES, () => m.team_choose_perspective()))
});

export const memberSchema = v.object({
	userId: v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, () => m.team_unknown_member()))
});

export const inviteIdSchema = v.object({
	inviteId: v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, () => m.team_unknown_invite()))
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
