import { describe, expect, it } from 'vitest';
import { acceptedLanguages, chooseEdition, editionUrl } from './edition';

const COURSE = ['fi', 'sv', 'en'];

describe('choosing the edition a reader sees', () => {
	it('takes ?lang= when the course has that language, also with a region', () => {
		expect(chooseEdition(COURSE, 'sv', 'en')).toEqual({ lang: 'sv', by: 'address', missing: null });
		expect(chooseEdition(COURSE, 'sv-FI', null)).toEqual({ lang: 'sv', by: 'address', missing: null });
		expect(chooseEdition(['fi', 'en-GB'], 'en', null).lang).toBe('en-GB');
	});

	it('negotiates from Accept-Language by quality, then order, matching base languages', () => {
		expect(chooseEdition(COURSE, null, 'sv-FI,sv;q=0.9,en;q=0.8')).toEqual({ lang: 'sv', by: 'accept-language', missing: null });
		expect(chooseEdition(COURSE, null, 'de, en;q=0.5, sv;q=0.7').lang).toBe('sv');
		expect(chooseEdition(COURSE, null, 'EN-us').lang).toBe('en');
		// q=0 means "not this one".
		expect(chooseEdition(COURSE, null, 'sv;q=0, en;q=0.1').lang).toBe('en');
	});

	it('falls back to the primary language, and says which ?lang= it could not give', () => {
		expect(chooseEdition(COURSE, null, 'de-DE,de;q=0.9')).toEqual({ lang: 'fi', by: 'primary', missing: null });
		expect(chooseEdition(COURSE, null, null)).toEqual({ lang: 'fi', by: 'primary', missing: null });
		expect(chooseEdition(COURSE, null, '*')).toEqual({ lang: 'fi', by: 'primary', missing: null });
		expect(chooseEdition(COURSE, 'de', 'sv')).toEqual({ lang: 'sv', by: 'accept-language', missing: 'de' });
		expect(chooseEdition(COURSE, 'x'.repeat(500), null)).toEqual({ lang: 'fi', by: 'primary', missing: 'x'.repeat(20) });
		expect(chooseEdition([], null, 'sv').lang).toBe('en');
	});

	it('ignores malformed header parts', () => {
		expect(acceptedLanguages('sv;q=abc, <script>, en;q=0.5,, fi-')).toEqual(['en']);
		expect(acceptedLanguages(`${'sv,'.repeat(1000)}en`)).toHaveLength(30);
	});

	it('gives every edition, the primary one too, its own address', () => {
		expect(editionUrl('https://x.example/c/design', 'fi')).toBe('https://x.example/c/design?lang=fi');
	});
});
