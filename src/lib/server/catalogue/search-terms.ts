// The search box's little language, as web search engines have taught people: words must all
// appear, "quoted words" appear together, -word must not appear, and OR offers alternatives
// (lowest precedence, like `a b OR c d` = (a and b) or (c and d)). Parsed here rather than by
// websearch_to_tsquery, because the trigram fallback has to widen single words, not the whole query.

export interface SearchTerm {
	kind: 'word' | 'phrase';
	text: string;
	negated: boolean;
}

/** Alternatives (OR) of terms that must all match (AND). */
export type SearchTerms = SearchTerm[][];

const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;
// Characters that are only punctuation to a search: what is left of a word must have a letter or digit.
const MEANINGFUL = /[\p{L}\p{N}]/u;

export function parseSearchTerms(q: string): SearchTerms {
	const groups: SearchTerms = [[]];
	for (const match of q.matchAll(TOKEN)) {
		const [, minus, phrase, bare] = match;
		if (phrase !== undefined) {
			if (MEANINGFUL.test(phrase)) groups.at(-1)!.push({ kind: 'phrase', text: phrase.trim(), negated: minus === '-' });
			continue;
		}
		if (bare === 'OR' || bare === 'or') {
			if (groups.at(-1)!.length > 0) groups.push([]);
			continue;
		}
		const negated = bare.startsWith('-') && bare.length > 1;
		const text = negated ? bare.slice(1) : bare;
		if (MEANINGFUL.test(text)) groups.at(-1)!.push({ kind: 'word', text, negated });
	}
	return groups.filter((group) => group.length > 0);
}

/** Words worth widening with similar Finnish stems: plain, wanted, and long enough to inflect. */
export function widenableWords(terms: SearchTerms): string[] {
	const words = terms.flat().filter((t) => t.kind === 'word' && !t.negated && [...t.text].length >= 4);
	return [...new Set(words.map((t) => t.text.toLowerCase()))];
}
