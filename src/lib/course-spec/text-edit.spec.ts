import { describe, expect, it } from 'vitest';
import { textEdit, type TextEdit } from './text-edit';

const apply = (before: string, change: TextEdit | null) =>
	change ? before.slice(0, change.index) + change.insert + before.slice(change.index + change.remove) : before;

describe('textEdit', () => {
	it('finds the changed middle', () => {
		expect(textEdit('Compare materials', 'Compare two materials')).toEqual({ index: 8, remove: 0, insert: 'two ' });
		expect(textEdit('same', 'same')).toBeNull();
	});

	it('puts a typed character where the caret is, not at the end of a run of equal characters', () => {
		// "ab" → "abb" with the caret after the first b: the new b is the one at index 1.
		expect(textEdit('ab', 'abb', 2)).toEqual({ index: 1, remove: 0, insert: 'b' });
		expect(textEdit('ab', 'abb')).toEqual({ index: 2, remove: 0, insert: 'b' });
		// A space typed right before someone else's space goes before it.
		expect(textEdit('Compare  x', 'Compare   x', 8)).toEqual({ index: 7, remove: 0, insert: ' ' });
	});

	it('deletes the character left of the caret on backspace, even among equal ones', () => {
		expect(textEdit('abbc', 'abc', 1)).toEqual({ index: 1, remove: 1, insert: '' });
		expect(textEdit('abbc', 'abc', 2)).toEqual({ index: 2, remove: 1, insert: '' });
	});

	it('replaces a selection with what was typed over it', () => {
		expect(textEdit('one two three', 'one 2 three', 5)).toEqual({ index: 4, remove: 3, insert: '2' });
	});

	it('handles pastes and caret positions at the edges', () => {
		const cases: [string, string, number][] = [
			['', 'pasted text', 11],
			['abc', 'xabc', 1],
			['abc', 'abcx', 4],
			['aaaa', 'aaaaaa', 3],
			['aaaa', 'aa', 0],
			['hello', '', 0]
		];
		for (const [before, after, caret] of cases) {
			const change = textEdit(before, after, caret);
			expect(apply(before, change)).toBe(after);
			expect(change!.index + change!.insert.length).toBe(caret === 0 && after === '' ? 0 : Math.max(caret, change!.index));
		}
	});

	it('never splits a surrogate pair', () => {
		const change = textEdit('Go 😀!', 'Go 😃!', 5);
		expect(apply('Go 😀!', change)).toBe('Go 😃!');
		expect(change).toEqual({ index: 3, remove: 2, insert: '😃' });
	});

	it('tolerates a caret hint that does not fit the change', () => {
		for (const caret of [-3, 0, 2, 99]) {
			expect(apply('abcdef', textEdit('abcdef', 'abXYef', caret))).toBe('abXYef');
		}
	});
});
