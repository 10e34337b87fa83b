// Trigram similarity as PostgreSQL's pg_trgm computes it, for comparing short texts in memory (the
// learning outcomes of two courses) the way the database compares their titles: each word of letters
// and digits, lower-cased and padded ("  word "), gives its three-character pieces; similarity is
// shared pieces over all pieces, from 0 to 1.

export function trigrams(text: string): Set<string> {
	const grams = new Set<string>();
	for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
		const padded = `  ${word} `;
		const chars = [...padded];
		for (let i = 0; i + 3 <= chars.length; i += 1) grams.add(chars.slice(i, i + 3).join(''));
	}
	return grams;
}

export function similarity(a: string, b: string): number {
	const [x, y] = [trigrams(a), trigrams(b)];
	if (x.size === 0 || y.size === 0) return 0;
	let shared = 0;
	for (const gram of x) if (y.has(gram)) shared += 1;
	return shared / (x.size + y.size - shared);
}

export interface OutcomeMatch {
	here: string;
	there: string;
	/** 1 for the same words, down to MATCH_THRESHOLD. */
	similarity: number;
}

export interface OutcomeOverlap {
	matched: OutcomeMatch[];
	/** Outcomes of this course that the other one has nothing like, and the other way round. */
	onlyHere: string[];
	onlyThere: string[];
}

/** Below this, two outcomes say different things (checked against rephrasings in the spec). */
export const MATCH_THRESHOLD = 0.5;

/** Pairs each outcome with its closest counterpart, closest pairs first, each outcome used once. */
export function compareOutcomes(here: readonly string[], there: readonly string[]): OutcomeOverlap {
	const pairs: { i: number; j: number; score: number }[] = [];
	here.forEach((a, i) =>
		there.forEach((b, j) => {
			const score = similarity(a, b);
			if (score >= MATCH_THRESHOLD) pairs.push({ i, j, score });
		})
	);
	pairs.sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
	const [usedHere, usedThere] = [new Set<number>(), new Set<number>()];
	const matched: (OutcomeMatch & { i: number })[] = [];
	for (const { i, j, score } of pairs) {
		if (usedHere.has(i) || usedThere.has(j)) continue;
		usedHere.add(i);
		usedThere.add(j);
		matched.push({ i, here: here[i], there: there[j], similarity: Math.round(score * 100) / 100 });
	}
	return {
		matched: matched.sort((p, q) => p.i - q.i).map(({ here, there, similarity }) => ({ here, there, similarity })),
		onlyHere: here.filter((_, i) => !usedHere.has(i)),
		onlyThere: there.filter((_, j) => !usedThere.has(j))
	};
}
