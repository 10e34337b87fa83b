import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
	it('sorts keys at every depth and keeps array order', () => {
		expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
	});
	it('gives the same bytes for the same value however it was built', () => {
		const one = { title: { fi: 'Alustatalous', en: 'Platform economy' }, ects: 3 };
		const two = { ects: 3, title: { en: 'Platform economy', fi: 'Alustatalous' } };
		expect(canonicalJson(one)).toBe(canonicalJson(two));
	});
	it('writes what JSON.parse reads back, escapes included', () => {
		const value = { text: 'Line\nwith "quotes" and å', list: [null, true, 0.5], empty: {} };
		expect(JSON.parse(canonicalJson(value))).toEqual(value);
	});
	it('drops undefined members and refuses values JSON cannot hold', () => {
		expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
		expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
		expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
	});
});
