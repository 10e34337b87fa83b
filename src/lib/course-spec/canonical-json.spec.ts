import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonDocument } from './canonical-json';

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

describe('canonicalJsonDocument', () => {
	it('indents the same canonical order for people to read', () => {
		const json = canonicalJsonDocument({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 2 }], c: null }, '@context': 'x' });
		expect(json).toBe(`{\n  "@context": "x",\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      {\n        "x": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n`);
		expect(JSON.parse(json)).toEqual(JSON.parse(canonicalJson({ b: 1, a: { d: [3, { z: 1, x: 2 }], c: null }, '@context': 'x' })));
	});

	it('writes dates as ISO strings and refuses cycles', () => {
		expect(canonicalJsonDocument({ at: new Date('2026-01-02T03:04:05Z') })).toContain('"2026-01-02T03:04:05.000Z"');
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(() => canonicalJsonDocument(cyclic)).toThrow(/circular/);
	});
});
