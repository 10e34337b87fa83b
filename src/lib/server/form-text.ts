import * as v from 'valibot';

// Control characters have no place in what people type into a form, and PostgreSQL refuses U+0000 in
// text columns outright. A single-line field allows none of them; a multi-line one keeps tab, line
// feed and carriage return (browsers send line breaks in a textarea as CR LF).
const IN_A_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const IN_A_BLOCK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function codePoint(char: string): string {
	return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The check every free-text field of every form schema runs, right after trimming. Its message names
 * the character, since it is usually invisible (pasted from elsewhere).
 */
export function plainText(options: { multiline?: boolean } = {}) {
	const pattern = options.multiline ? IN_A_BLOCK : IN_A_LINE;
	return v.check<string, (issue: v.CheckIssue<string>) => string>(
		(text) => !pattern.test(text),
		(issue) =>
			`This contains an invisible control character (${codePoint(pattern.exec(issue.input)![0])}), perhaps from copying and pasting. Retype the text without it.`
	);
}
