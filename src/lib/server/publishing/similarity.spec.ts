import { describe, expect, it } from 'vitest';
import { compareOutcomes, similarity, trigrams } from './similarity';

describe('trigram similarity (as pg_trgm)', () => {
	it('pads each word and lower-cases it', () => {
		// pg_trgm: show_trgm('Cat') = {"  c"," ca","at ","cat"}
		expect([...trigrams('Cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat']);
		expect(trigrams('a, b!').size).toBe(4);
	});

	it('matches pg_trgm’s figures', () => {
		// select similarity('word', 'two words') = 0.36363637
		expect(similarity('word', 'two words')).toBeCloseTo(0.3636, 3);
		expect(similarity('Platform economy', 'platform economy')).toBe(1);
		expect(similarity('', 'anything')).toBe(0);
	});

	it('sees Finnish inflections as close', () => {
		expect(similarity('yritys', 'yrityksissä')).toBeGreaterThan(0.3);
	});
});

describe('compareOutcomes', () => {
	it('pairs rephrased outcomes, and lists the ones without a counterpart on either side', () => {
		const overlap = compareOutcomes(
			['Compare the business models of digital platforms', 'Pitch a platform idea to investors', 'Describe platform regulation in the EU'],
			['Compare business models of digital platforms', 'Write a marketing plan for a platform', 'Describe the regulation of platforms in the EU']
		);
		expect(overlap.matched.map((m) => [m.here, m.there])).toEqual([
			['Compare the business models of digital platforms', 'Compare business models of digital platforms'],
			['Describe platform regulation in the EU', 'Describe the regulation of platforms in the EU']
		]);
		expect(overlap.onlyHere).toEqual(['Pitch a platform idea to investors']);
		expect(overlap.onlyThere).toEqual(['Write a marketing plan for a platform']);
	});

	it('uses each outcome once, closest pairs first', () => {
		const overlap = compareOutcomes(['Apply design for repair', 'Apply design for reuse'], ['Apply design for reuse']);
		expect(overlap.matched).toEqual([{ here: 'Apply design for reuse', there: 'Apply design for reuse', similarity: 1 }]);
		expect(overlap.onlyHere).toEqual(['Apply design for repair']);
	});
});
