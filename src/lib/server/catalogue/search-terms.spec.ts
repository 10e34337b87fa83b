import { describe, expect, it } from 'vitest';
import { parseSearchTerms, widenableWords } from './search-terms';

describe('search terms', () => {
	it('reads words, "phrases", -exclusions and OR alternatives', () => {
		expect(parseSearchTerms('kiertotalous "pienet yritykset" -muovi OR puu')).toEqual([
			[
				{ kind: 'word', text: 'kiertotalous', negated: false },
				{ kind: 'phrase', text: 'pienet yritykset', negated: false },
				{ kind: 'word', text: 'muovi', negated: true }
			],
			[{ kind: 'word', text: 'puu', negated: false }]
		]);
	});

	it('ignores punctuation-only tokens, empty quotes, and dangling ORs', () => {
		expect(parseSearchTerms('  -- "" OR , design OR ')).toEqual([[{ kind: 'word', text: 'design', negated: false }]]);
		expect(parseSearchTerms('')).toEqual([]);
		expect(parseSearchTerms('"unterminated phrase')).toEqual([[{ kind: 'phrase', text: 'unterminated phrase', negated: false }]]);
	});

	it('widens only wanted single words long enough to inflect, once each', () => {
		expect(widenableWords(parseSearchTerms('Yritys yritys -muovi "pienet yritykset" ai'))).toEqual(['yritys']);
	});
});
