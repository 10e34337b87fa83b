import { describe, expect, it } from 'vitest';
import { SLUG_MAX_LENGTH, slugify } from './slug';

describe('slugify', () => {
	it.each([
		['Kiertotalous pk-yrityksille', 'kiertotalous-pk-yrityksille'],
		['Hållbar design för små företag', 'hallbar-design-for-sma-foretag'],
		['Platform economy: basics (2 ECTS)', 'platform-economy-basics-2-ects'],
		['  --Øresund Æble Straße--  ', 'oresund-aeble-strasse'],
		['数据素养', 'course'],
		['', 'course']
	])('%s → %s', (title, slug) => {
		expect(slugify(title)).toBe(slug);
	});

	it('keeps addresses short and never ends one with a hyphen', () => {
		const slug = slugify('Sustainable product design for small and medium-sized enterprises in the Nordic countries');
		expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
		expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});
});
