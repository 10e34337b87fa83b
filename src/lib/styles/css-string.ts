/**
 * Text as a CSS string token, for generated content (`content: …`, or a custom property it reads):
 * quotes and backslashes escaped, line breaks as `\a`, and `<` as `\3C` so the text can never end a
 * `<style>` element it is written into.
 */
export function cssString(text: string): string {
	return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ').replace(/</g, '\\3C ')}"`;
}
