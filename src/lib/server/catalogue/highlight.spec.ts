import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E } from './document';
import { splitHighlight } from './highlight';

describe('highlighted passages', () => {
	it('splits ts_headline output into runs of text, markup included as text', () => {
		expect(splitHighlight(`Learn <b>${S}design${E}</b>\nand ${S}repair${E}`)).toEqual([
			{ text: 'Learn <b>', hit: false },
			{ text: 'design', hit: true },
			{ text: '</b> and ', hit: false },
			{ text: 'repair', hit: true }
		]);
	});

	it('survives unbalanced markers', () => {
		expect(splitHighlight(`${E}a${S}b`)).toEqual([
			{ text: 'a', hit: false },
			{ text: 'b', hit: true }
		]);
	});
});
