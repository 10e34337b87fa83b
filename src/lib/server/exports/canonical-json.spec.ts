import { expect, test } from 'vitest';
import { canonicalJson } from './canonical-json';

test('keys are sorted at every depth, arrays keep their order, undefined members are dropped', () => {
	const json = canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 2 }], c: null }, '@context': 'x' });
	expect(json).toBe(`{\n  "@context": "x",\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      {\n        "x": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n`);
});

test('the same value built in a different key order gives the same bytes', () => {
	expect(canonicalJson({ x: 1, y: [{ b: 2, a: 1 }] })).toBe(canonicalJson({ y: [{ a: 1, b: 2 }], x: 1 }));
});

test('dates become ISO strings; non-finite numbers and cycles are refused', () => {
	expect(canonicalJson({ at: new Date('2026-01-02T03:04:05Z') })).toContain('"2026-01-02T03:04:05.000Z"');
	expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
	const cyclic: Record<string, unknown> = {};
	cyclic.self = cyclic;
	expect(() => canonicalJson(cyclic)).toThrow(/circular/);
});
