import { describe, expect, it } from 'vitest';
import { formatEcts, formatEctsRange, pathwayTotals } from './totals';

describe('pathway totals', () => {
	it('adds up every part when all are required', () => {
		const totals = pathwayTotals([5, 2.5, 10], { kind: 'all' });
		expect(totals).toMatchObject({ sum: 17.5, required: { min: 17.5, max: 17.5 }, withoutEcts: 0, flag: null });
	});

	it('takes the N smallest and the N largest parts for "N of M"', () => {
		const totals = pathwayTotals([10, 1, 5, 3], { kind: 'some', count: 2 });
		expect(totals).toMatchObject({ sum: 19, required: { min: 4, max: 15 } });
	});

	it('counts parts without ECTS as 0 and says how many there are', () => {
		expect(pathwayTotals([5, null], { kind: 'all' })).toMatchObject({ sum: 5, withoutEcts: 1 });
	});

	it('does not float-drift on half credits', () => {
		expect(pathwayTotals([0.1, 0.2, 1.5], { kind: 'all' }).sum).toBe(1.8);
	});

	it('flags a pathway whose every completion reaches 60 ECTS', () => {
		const flag = pathwayTotals([30, 30], { kind: 'all' }).flag;
		expect(flag?.kind).toBe('required');
		expect(flag?.message).toMatch(/add up to 60 ECTS.*degree by another name/);
		expect(pathwayTotals([29.5, 30], { kind: 'all' }).flag).toBeNull();
	});

	it('flags "N of M" by the smallest choice, and warns when only the largest choice reaches 60', () => {
		expect(pathwayTotals([20, 20, 20, 20], { kind: 'some', count: 3 }).flag?.kind).toBe('required');
		const possible = pathwayTotals([5, 5, 30, 30], { kind: 'some', count: 2 });
		expect(possible.flag?.kind).toBe('possible');
		expect(possible.flag?.message).toMatch(/largest 2 parts reaches 60 ECTS \(the smallest choice is 10 ECTS\)/);
		// The whole set reaches 60, but nobody needs more than 2 of these parts.
		expect(pathwayTotals([5, 5, 10, 10, 10, 10, 10], { kind: 'some', count: 2 }).flag).toBeNull();
	});

	it('writes credits as people do', () => {
		expect([formatEcts(5), formatEcts(2.5), formatEcts(1.25)]).toEqual(['5 ECTS', '2.5 ECTS', '1.25 ECTS']);
		expect([formatEctsRange({ min: 3, max: 4.5 }), formatEctsRange({ min: 6, max: 6 })]).toEqual(['3–4.5 ECTS', '6 ECTS']);
	});
});
