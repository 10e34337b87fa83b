// Small structural helpers shared by the in-place writer (apply-spec.ts) and the diff (diff.ts).

/** Deep equality of JSON values; object key order is ignored (jsonb does not keep it). */
export function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a)) {
		const other = b as unknown[];
		return a.length === other.length && a.every((value, i) => sameJson(value, other[i]));
	}
	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	// Keys holding undefined count as absent, as JSON.stringify would write them.
	const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
	const leftKeys = keys(left);
	if (leftKeys.length !== keys(right).length) return false;
	return leftKeys.every((key) => key in right && sameJson(left[key], right[key]));
}

/** Above this many cells the subsequence is found greedily (documents may exceed the spec's limits). */
const MAX_TABLE_CELLS = 250_000;

/**
 * A longest common subsequence of two sequences, as index pairs [i in a, j in b] in increasing
 * order. The elements outside it are the fewest that must be removed from `a` and inserted from
 * `b` (or, for lists of unique ids, moved) to turn `a` into `b`. Common ends are matched first;
 * the middle by dynamic programming (lists are capped at 100 items and topics at 30), or greedily
 * when a document holds far more than the spec allows.
 */
export function commonSubsequence<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): [number, number][] {
	let start = 0;
	while (start < a.length && start < b.length && same(a[start], b[start])) start++;
	let end = 0;
	while (end < a.length - start && end < b.length - start && same(a[a.length - 1 - end], b[b.length - 1 - end])) end++;
	const head = Array.from({ length: start }, (_, k): [number, number] => [k, k]);
	const tail = Array.from({ length: end }, (_, k): [number, number] => [a.length - end + k, b.length - end + k]);
	const midA = a.slice(start, a.length - end);
	const midB = b.slice(start, b.length - end);
	const middle = midA.length * midB.length > MAX_TABLE_CELLS ? greedy(midA, midB, same) : table(midA, midB, same);
	return [...head, ...middle.map(([i, j]): [number, number] => [i + start, j + start]), ...tail];
}

function table<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] {
	const width = b.length + 1;
	const lengths = new Uint32Array((a.length + 1) * width);
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lengths[i * width + j] = same(a[i], b[j])
				? lengths[(i + 1) * width + j + 1] + 1
				: Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
		}
	}
	const pairs: [number, number][] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (same(a[i], b[j])) {
			pairs.push([i, j]);
			i++;
			j++;
		} else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) i++;
		else j++;
	}
	return pairs;
}

/** A common subsequence, not always the longest: each element of b matched to the next equal one in a. */
function greedy<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] {
	const pairs: [number, number][] = [];
	let from = 0;
	for (let j = 0; j < b.length && from < a.length; j++) {
		const i = a.findIndex((x, k) => k >= from && same(x, b[j]));
		if (i === -1) continue;
		pairs.push([i, j]);
		from = i + 1;
	}
	return pairs;
}
