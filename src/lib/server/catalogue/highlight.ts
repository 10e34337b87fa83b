import { HIGHLIGHT_START, HIGHLIGHT_STOP } from './document';

/** Text in runs, each a match or not; pages render the runs as text, so nothing in them is markup. */
export type Highlighted = { text: string; hit: boolean }[];

/**
 * Splits ts_headline output at our markers. The indexed text had the marker characters removed, so
 * every marker here is ts_headline's; a stray or unbalanced one only ends a run, it never becomes markup.
 */
export function splitHighlight(marked: string): Highlighted {
	const runs: Highlighted = [];
	let hit = false;
	let text = '';
	const flush = () => {
		if (text) runs.push({ text, hit });
		text = '';
	};
	for (const char of marked) {
		if (char === HIGHLIGHT_START || char === HIGHLIGHT_STOP) {
			flush();
			hit = char === HIGHLIGHT_START;
		} else {
			text += char;
		}
	}
	flush();
	// ts_headline keeps the document's line breaks; a result shows one flowing passage.
	return runs.map((run) => ({ ...run, text: run.text.replace(/\s*\n\s*/g, ' ') })).filter((run) => run.text !== '');
}
