// One serialisation for everything that is hashed or downloaded: object keys sorted by UTF-16 code
// unit at every depth (JSON-LD's "@context" therefore comes first), arrays kept in order (it means
// something: outcome order, module order), undefined members dropped, dates as ISO strings. The same
// value always gives the same bytes, so a published spec can be hashed and its exports reproduced byte
// for byte. Non-finite numbers and cycles have no JSON form and are refused rather than written as null.

/** Compact canonical JSON: what content hashes are taken of. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value, new Set()));
}

/** The same, indented by two spaces with a final newline: for files people download and read. */
export function canonicalJsonDocument(value: unknown): string {
	return `${JSON.stringify(sortKeys(value, new Set()), null, 2)}\n`;
}

function sortKeys(value: unknown, ancestors: Set<object>): unknown {
	if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
	if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
		throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
	}
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
