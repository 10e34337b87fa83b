import * as v from 'valibot';
import { plainText } from '../form-text';

export const providerProfileSchema = v.object({
	organisationName: v.pipe(v.string(), v.trim(), plainText(), v.maxLength(200, 'Keep the name under 200 characters.')),
	country: v.pipe(
		v.string(),
		v.trim(),
		plainText(),
		v.toUpperCase(),
		v.check((s) => s === '' || /^[A-Z]{2}$/.test(s), 'Use a two-letter country code such as FI.')
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
