import { describe, expect, it } from 'vitest';
import { checkAnswers, parseHours } from './answers';
import type { Question } from './model';
import { formTexts } from './texts';

const q = (over: Partial<Question> & Pick<Question, 'id' | 'kind'>): Question => ({
	position: 0,
	role: 'custom',
	subject: { kind: 'overall', id: null },
	prompt: over.id,
	help: '',
	options: [],
	required: false,
	...over
});

const QUESTIONS: Question[] = [
	q({ id: 'rate', kind: 'rating', required: true }),
	q({ id: 'nps', kind: 'recommend' }),
	q({ id: 'hours', kind: 'hours' }),
	q({ id: 'one', kind: 'single', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }),
	q({ id: 'many', kind: 'multiple', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] }),
	q({ id: 'short', kind: 'short_text' }),
	q({ id: 'long', kind: 'long_text' })
];

const check = (fields: Record<string, string | string[]>, language = 'en') =>
	checkAnswers(QUESTIONS, (name) => [fields[name] ?? []].flat(), formTexts(language));

describe('checking answers against the questions', () => {
	it('keeps valid answers as numbers, option ids and text', () => {
		const { answers, errors } = check({ rate: '4', nps: '0', hours: '7,5', one: 'b', many: ['c', 'a', 'c'], short: '  Fine ', long: 'Line 1\r\nLine 2' });
		expect(errors).toEqual({});
		expect(answers).toEqual({ rate: 4, nps: 0, hours: 7.5, one: 'b', many: ['a', 'c'], short: 'Fine', long: 'Line 1\nLine 2' });
	});

	it('puts a message on each answer that is wrong or missing, in the form’s language', () => {
		const { answers, errors } = check({ nps: '11', hours: 'lots', one: 'z', many: ['a', 'x'], short: 'a\u0000b', long: 'x'.repeat(5001) });
		expect(answers).toEqual({});
		expect(errors).toEqual({
			rate: 'Please answer this question.',
			nps: 'Choose a number from 0 to 10.',
			hours: 'Give the hours as a number, for example 12 or 7.5.',
			one: 'Choose one of the options.',
			many: 'Choose one of the options.',
			short: expect.stringContaining('control character'),
			long: 'Keep your answer to 5000 characters or fewer.'
		});
		expect(check({}, 'fi').errors.rate).toBe('Vastaa tähän kysymykseen.');
	});

	it('refuses two values for a one-answer question and out-of-range scales', () => {
		expect(check({ rate: ['1', '2'] }).errors.rate).toBe('Choose one of the options.');
		expect(check({ rate: '0' }).errors.rate).toBe('Choose a number from 1 to 5.');
		expect(check({ rate: '3.5' }).errors.rate).toBe('Choose a number from 1 to 5.');
		expect(check({ rate: '5', hours: '10001' }).errors.hours).toBe('Give a number of hours from 0 to 10000.');
	});

	it('reads hours written either way', () => {
		expect([parseHours('12'), parseHours('7.5'), parseHours('7,25'), parseHours(' 1 000 '), parseHours('-1'), parseHours('1e3')]).toEqual([12, 7.5, 7.25, 1000, null, null]);
	});
});
