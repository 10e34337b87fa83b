/** One contiguous change that turns `before` into `after`: delete `remove` characters at `index`, insert `insert`. */
export interface TextEdit {
	index: number;
	remove: number;
	insert: string;
}

/**
 * The smallest single change from `before` to `after`. With `caret` (where the caret is in `after`
 * right after a person typed or deleted) the change is placed where they typed: a change next to a
 * run of equal characters is otherwise ambiguous ("ab" → "abb" could insert either "b"), and in a
 * shared text the wrong choice puts a typed character on the far side of someone else's.
 */
export function textEdit(before: string, after: string, caret?: number): TextEdit | null {
	if (before === after) return null;
	const shorter = Math.min(before.length, after.length);
	// An edit by a person ends at the caret and starts at or before it.
	const at = caret === undefined ? 0 : clamp(caret, 0, after.length);
	const maxSuffix = Math.min(shorter, after.length - at);
	const maxPrefix = Math.min(shorter, at);

	let prefix = 0;
	let suffix = 0;
	if (caret === undefined) {
		while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
		while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
	} else {
		// Matching from the end first keeps the change as close to the caret as the caps allow.
		while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
		const prefixLimit = Math.min(maxPrefix, before.length - suffix, after.length - suffix);
		while (prefix < prefixLimit && before[prefix] === after[prefix]) prefix++;
	}

	// Never cut a surrogate pair in half: Yjs would store the halves as replacement characters.
	if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
	if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
	return { index: prefix, remove: before.length - suffix - prefix, insert: after.slice(prefix, after.length - suffix) };
}

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
