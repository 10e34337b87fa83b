// One serialiser for every export, so that the same document always gives the same bytes: object keys
// sorted by UTF-16 code unit (JSON-LD's "@context" therefore comes first), arrays kept in order, undefined
// members dropped, two-space indentation and a final newline. Non-finite numbers have no JSON form and
// are refused rather than silently written as null.

export function canonicalJson(value: unknown): string {
	return `${JSON.stringify(sortKeys(value, new Set()), null, 2)}\n`;
}

function sortKeys(value: unknown, ancestors: Set<object>): unknown {
	if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
	if (value === null || typeof value !== 'object') return value;
	if (ancestors.has(value)) throw new TypeError('canonicalJson: circular structure');
	ancestors.add(value);
	let result: unknown;
	if (Array.isArray(value)) {
		result = value.map((item) => (item === undefined ? null : sortKeys(item, ancestors)));
	} else if (value instanceof Date) {
		result = value.toISOString();
	} else {
		const sorted: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) {
			const member = (value as Record<string, unknown>)[key];
			if (member !== undefined) sorted[key] = sortKeys(member, ancestors);
		}
		result = sorted;
	}
	ancestors.delete(value);
	return result;
}
