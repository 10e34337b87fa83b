import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { providerProfileSchema } from './schema';

const form = (country: string) => ({ organisationName: 'Example UAS', country, website: '', qaStatement: '', hoursPerEcts: '27' });
const countryIssue = (country: string) =>
	v.safeParse(providerProfileSchema, form(country)).issues?.find((i) => v.getDotPath(i) === 'country')?.message;

describe('providerProfileSchema country', () => {
	it.each([
		['FI', 'FI'],
		['se', 'SE'],
		['', '']
	])('accepts %j from the country list (or none) as %j', (input, stored) => {
		expect(v.parse(providerProfileSchema, form(input)).country).toBe(stored);
	});

	it.each(['Finland', 'Fi nland', 'XX', 'US'])('refuses %j, which is not in the spec’s country list', (input) => {
		expect(countryIssue(input)).toBe('Choose a country from the list.');
	});
});
