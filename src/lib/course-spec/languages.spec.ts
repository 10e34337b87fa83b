import { describe, expect, it } from 'vitest';
import { languageEndonym } from './languages';

describe('languageEndonym', () => {
	it('names a language in itself, capitalised', () => {
		expect(languageEndonym('sv')).toBe('Svenska');
		expect(languageEndonym('fi')).toBe('Suomi');
		expect(languageEndonym('en')).toBe('English');
	});
	it('falls back to the tag for what Intl cannot read', () => {
		expect(languageEndonym('not a tag')).toBe('Not a tag');
	});
});
