import type * as Y from 'yjs';
import { diffText } from '$lib/course-spec/text-diff';

/**
 * Turns `text` (which reads `before`) into `after` word by word: only the words that differ are
 * deleted and inserted. Words kept keep their identity in the document, so comments anchored to
 * them, others' carets in them and their formatting all survive an accepted suggestion.
 */
export function applyWordChanges(text: Y.Text, before: string, after: string): void {
	let at = 0;
	for (const segment of diffText(before, after)) {
		if (segment.op === 'equal') at += segment.text.length;
		else if (segment.op === 'delete') text.delete(at, segment.text.length);
		else {
			text.insert(at, segment.text);
			at += segment.text.length;
		}
	}
}
