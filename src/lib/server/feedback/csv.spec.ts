import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV', () => {
	it('quotes what needs it and keeps spreadsheets from running participants’ text as formulas', () => {
		const csv = toCsv([
			['a', 'b,c', 'say "hi"'],
			['=HYPERLINK("x")', '+1', 'line\nbreak'],
			[-3, null, '@SUM(A1)']
		]);
		expect(csv).toBe('\uFEFFa,"b,c","say ""hi"""\r\n"\'=HYPERLINK(""x"")",\'+1,"line\nbreak"\r\n-3,,\'@SUM(A1)\r\n');
	});
});
