import { describe, expect, it } from 'vitest';
import { slot, splitSlots } from './slots';

describe('splitSlots', () => {
	it('cuts a sentence at its elements, keeping the word order of the language', () => {
		expect(splitSlots(`Julkaistu osoitteessa ${slot('url')}.`)).toEqual([{ text: 'Julkaistu osoitteessa ' }, { slot: 'url' }, { text: '.' }]);
		expect(splitSlots(`${slot('language')} saknas; visas på ${slot('primary')}`)).toEqual([
			{ slot: 'language' },
			{ text: ' saknas; visas på ' },
			{ slot: 'primary' }
		]);
	});

	it('leaves a sentence without elements whole', () => {
		expect(splitSlots('No elements here.')).toEqual([{ text: 'No elements here.' }]);
	});
});
