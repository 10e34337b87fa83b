import { describe, expect, it } from 'vitest';
import { cssString } from './css-string';

describe('cssString', () => {
	it('quotes text so that it stays one CSS string inside a style element', () => {
		expect(cssString('Sivu 1/2')).toBe('"Sivu 1/2"');
		expect(cssString('say "hi" \\ there')).toBe('"say \\"hi\\" \\\\ there"');
		expect(cssString('two\nlines')).toBe('"two\\a lines"');
		expect(cssString('</style><script>')).toBe('"\\3C /style>\\3C script>"');
	});
});
