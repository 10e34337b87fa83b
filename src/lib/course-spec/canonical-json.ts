/**
 * JSON with object keys sorted (recursively) and no insignificant white space: the same value always
 * gives the same bytes, so a published spec can be hashed and its exports reproduced byte for byte.
 * Array order is kept (it means something: outcome order, module order). `undefined` members are
 * dropped as JSON.stringify drops them; non-finite numbers are refused rather than written as null.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
		return JSON.stringify(value);
	}
	if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, member]) => member !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
	}
	throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
}
