import { ISCED_F_TREE, type IscedField } from '$lib/course-spec/isced-f';

// What the field-of-study picker lists for what has been typed: the fields that match, each under
// its broad and narrow field so that the 39 labels ISCED-F repeats ("Education" as broad and as
// narrow field, "Field unknown" three times) are told apart by code and place.

export interface IscedRow extends IscedField {
	/** False for a parent listed only to place a match. */
	match: boolean;
}

export interface IscedGroup {
	/** The broad field's code; its own row comes first in `rows`. */
	code: string;
	label: string;
	rows: IscedRow[];
}

export interface IscedSearch {
	groups: IscedGroup[];
	/** How many fields match (parents shown for context not counted). */
	matches: number;
}

const fold = (text: string) =>
	text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase();

const words = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const LABEL_WORDS = new Map(ISCED_F_TREE.map((field) => [field.code, words(field.label)]));

/** Digits must start the code ("07", "0788"); every other word must start a word of the label. */
function matcher(query: string): (field: IscedField) => boolean {
	const tokens = words(query);
	return (field) =>
		tokens.every((token) =>
			/^\d+$/.test(token) ? field.code.startsWith(token) : LABEL_WORDS.get(field.code)!.some((w) => w.startsWith(token))
		);
}

export function searchIscedFields(query: string): IscedSearch {
	const matches = matcher(query);
	const matched = new Set(ISCED_F_TREE.filter(matches).map((field) => field.code));
	const shown = new Set(matched);
	for (const code of matched) for (const length of [2, 3]) if (length < code.length) shown.add(code.slice(0, length));

	const groups: IscedGroup[] = [];
	for (const field of ISCED_F_TREE) {
		if (!shown.has(field.code)) continue;
		if (field.level === 'broad') groups.push({ code: field.code, label: field.label, rows: [] });
		groups[groups.length - 1].rows.push({ ...field, match: matched.has(field.code) });
	}
	return { groups, matches: matched.size };
}

/** How a field reads in the picker's input and in its list: code, then label. */
export const iscedDisplay = (field: Pick<IscedField, 'code' | 'label'>) => `${field.code} ${field.label}`;
