// Presence colours: dark enough for white name labels (WCAG AA, 4.5:1) and at least ΔE 20 apart
// (CIE L*a*b*), ordered so that neighbours in the list differ most: small teams use the first few.
export const PRESENCE_COLORS = [
	'#1a5fb4', // blue
	'#b34700', // orange
	'#26772b', // green
	'#b3206b', // magenta
	'#00727d', // teal
	'#6b3fc7', // violet
	'#8a6200', // ochre
	'#a3262a', // red
	'#0a6a9e', // sky
	'#56690a', // olive
	'#8f3a9e', // purple
	'#6d4c41' // brown
] as const;

/**
 * The colour of a course's member by the order they joined it (0 for the first): colleagues in one
 * course never share a colour until there are more of them than colours. The server decides the
 * order (see courses/member-presenter.ts), so every screen agrees.
 */
export function memberColor(joinIndex: number): string {
	return PRESENCE_COLORS[joinIndex % PRESENCE_COLORS.length];
}

/**
 * A colour for someone who reads a course without being in its team (a coordinator): stable per
 * person, and outside the colours its `memberCount` members have, while any are left.
 */
export function colorForUser(userId: string, memberCount = 0): string {
	let hash = 0;
	for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	const free = PRESENCE_COLORS.length - memberCount;
	return free > 0 ? PRESENCE_COLORS[memberCount + (hash % free)] : PRESENCE_COLORS[hash % PRESENCE_COLORS.length];
}
