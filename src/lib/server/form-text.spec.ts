import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { plainText } from './form-text';

const line = v.pipe(v.string(), v.trim(), plainText());
const block = v.pipe(v.string(), v.trim(), plainText({ multiline: true }));
const message = (schema: typeof line, input: string) => v.safeParse(schema, input).issues?.[0].message ?? null;

describe('plainText', () => {
	it('accepts ordinary text in any script', () => {
		expect(message(line, 'Alustatalouden perusteet – Ålands 🧪')).toBeNull();
		expect(message(block, 'Two lines\r\n\tand a tab')).toBeNull();
	});

	it.each([
		['\u0000', 'U+0000'],
		['\u0007', 'U+0007'],
		['\t', 'U+0009'],
		['\n', 'U+000A'],
		['\u007F', 'U+007F'],
		['\u009B', 'U+009B']
	])('refuses %j inside a single-line text, naming it', (char, name) => {
		expect(message(line, `a${char}b`)).toBe(
			`This contains an invisible control character (${name}), perhaps from copying and pasting. Retype the text without it.`
		);
	});

	it('refuses control characters in a multi-line text except tab and line breaks', () => {
		expect(message(block, 'ok\u0000')).toMatch(/U\+0000/);
		expect(message(block, 'o\u000Bk')).toMatch(/U\+000B/);
	});
});
