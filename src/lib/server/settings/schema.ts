import { m } from '$lib/paraglide/messages';
import * as v from 'valibot';
import { plainText } from '../form-text';
import { COUNTRIES } from '$lib/course-spec/countries';

// The awarding body's country in every new course comes from here, so it takes the spec's own list.
const COUNTRY_CODES: ReadonlySet<string | undefined> = new Set(COUNTRIES.concepts.map((c) => c.code));

export const providerProfileSchema = v.object({
	organisationName: v.pipe(v.string(), v.trim(), plainText(), v.maxLength(200, () => m.admin_name_too_long())),
	country: v.pipe(
		v.string(),
		v.trim(),
		plainText(),
		v.toUpperCase(),
		v.check((s) => s === '' || COUNTRY_CODES.has(s), () => m.admin_country_invalid())
	),
	website: v.pipe(
		v.string(),
		v.trim(),
		plainText(),
		v.check((s) => s === '' || /^https?:\/\/[^\s]+\.[^\s]+$/.test(s), () => m.admin_website_invalid())
	),
	qaStatement: v.pipe(v.string(), v.trim(), plainText({ multiline: true }), v.maxLength(5000, () => m.admin_qa_too_long())),
	hoursPerEcts: v.pipe(
		v.string(),
		v.transform(Number),
		v.number(() => m.admin_hours_number()),
		v.integer(() => m.admin_hours_whole()),
		v.minValue(20, () => m.admin_hours_min()),
		v.maxValue(40, () => m.admin_hours_max())
	)
});

export const roleChangeSchema = v.object({
	userId: v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, () => m.admin_unknown_user())),
	coordinator: v.pipe(v.string(), v.transform((s) => s === 'true'))
});
