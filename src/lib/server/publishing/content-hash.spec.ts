import { describe, expect, it } from 'vitest';
import { fullSpec } from '$lib/course-spec/fixtures';
import { contentHash } from './content-hash';

/** The same value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(reversedKeys);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
	}
	return value;
}

describe('contentHash', () => {
	it('is the SHA-256 hex of the canonical JSON', () => {
		// sha256("{}") and sha256('{"a":1,"b":[2,3]}'), computed independently.
		expect(contentHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
		expect(contentHash({ b: [2, 3], a: 1 })).toBe(contentHash(JSON.parse('{"a":1,"b":[2,3]}')));
	});

	it('gives the same hash for the same spec, whatever the key order', () => {
		const spec = fullSpec();
		const shuffled = reversedKeys(spec);
		expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(spec));
		expect(contentHash(shuffled)).toBe(contentHash(spec));
		expect(contentHash(fullSpec())).toBe(contentHash(spec));
		expect(contentHash(spec)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('changes with any change of content, including the order of list items', () => {
		const spec = fullSpec();
		const reordered = fullSpec();
		reordered.learningOutcomes.reverse();
		const retitled = fullSpec();
		retitled.title.en += '!';
		expect(contentHash(reordered)).not.toBe(contentHash(spec));
		expect(contentHash(retitled)).not.toBe(contentHash(spec));
	});
});
