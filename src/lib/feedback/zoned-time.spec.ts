import { describe, expect, it } from 'vitest';
import { utcToZonedInput, zonedToUtc } from './zoned-time';

describe('wall-clock times in a time zone', () => {
	it('turns a Helsinki time into the instant it names, in winter and in summer', () => {
		expect(zonedToUtc('2027-01-15T09:00', 'Europe/Helsinki')?.toISOString()).toBe('2027-01-15T07:00:00.000Z');
		expect(zonedToUtc('2027-06-15T09:00', 'Europe/Helsinki')?.toISOString()).toBe('2027-06-15T06:00:00.000Z');
		expect(zonedToUtc('2027-06-15T09:00', 'UTC')?.toISOString()).toBe('2027-06-15T09:00:00.000Z');
	});

	it('gives the input value back for an instant', () => {
		expect(utcToZonedInput(new Date('2027-06-15T06:00:00Z'), 'Europe/Helsinki')).toBe('2027-06-15T09:00');
		expect(utcToZonedInput(new Date('2027-01-15T07:00:00Z'), 'America/New_York')).toBe('2027-01-15T02:00');
	});

	it('refuses what is not a time or not a zone', () => {
		expect(zonedToUtc('2027-02-30T09:00', 'UTC')).toBeNull();
		expect(zonedToUtc('tomorrow', 'UTC')).toBeNull();
		expect(zonedToUtc('2027-01-15T09:00', 'Mars/Olympus')).toBeNull();
	});
});
