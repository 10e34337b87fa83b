import * as v from 'valibot';
import { plainText } from '../form-text';
import { COUNTRIES } from '$lib/course-spec/countries';

// The awarding body's country in every new course comes from here, so it takes the spec's own list.
const COUNTRY_CODES: ReadonlySet<string | undefined> = new Set(COUNTRIES.concepts.map((c) => c.code));

export const providerProfileSchema = v.object({
	organisationName: v.pipe(v.string(), v.trim(), plainText(), v.maxLength(200, 'Keep the name under 200 characters.')),
	country: v.pipe(
		v.string(),
		v.trim(),
		plainText(),
		v.toUpperCase(),
		v.check((s) => s === '' || COUNTRY_CODES.has(s), 'Choose a country from the list.')
	),
	website: v.pipe(
		v.string(),
		v.trim(),
		plainText(),
		v.check((s) => s === '' || /^https?:\/\/[^\s]+\.[^\s]+$/.test(s), 'Enter a web address starting with https://.')
	),
	qaStatement: v.pipe(v.string(), v.trim(), plainText({ multiline: true }), v.maxLength(5000, 'Keep the statement under 5000 characters.')),
	hoursPerEcts: v.pipe(
		v.string(),
		v.transform(Number),
		v.number('Enter a number of hours.'),
		v.integer('Enter a whole number of hours.'),
		v.minValue(20, 'ECTS guidance uses 25–30 hours per credit; enter at least 20.'),
		v.maxValue(40, 'ECTS guidance uses 25–30 hours per credit; enter at most 40.')
	)
});

export const roleChangeSchema = v.object({
	userId: v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, 'Unknown user.')),
	coordinator: v.pipe(v.string(), v.transform((s) => s === 'true'))
});
