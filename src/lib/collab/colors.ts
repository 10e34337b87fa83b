// Presence colours: distinguishable, and dark enough for white caret labels (WCAG AA on white text).
const PALETTE = ['#b4236b', '#1d6fb8', '#a34a00', '#5b3cc4', '#11746b', '#a4282b', '#3d6b00', '#7a4b8c'];

/** The same person gets the same colour in every tab and on every screen. */
export function colorForUser(userId: string): string {
	let hash = 0;
	for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return PALETTE[hash % PALETTE.length];
}
