import type { Peer } from './connection';
import { MalformedMessageError, type AwarenessEntry } from './protocol';
import { jsonProblem } from './update-scan';

/**
 * Presence (y-protocols awareness) is relayed to every peer of a course, so what one peer may publish
 * is bounded: the state's size and nesting, how many awareness client ids one socket may speak for,
 * and (see Connection) how often. A browser tab has one client id, two after Yjs renews it; its state
 * holds a name, a colour, a field key and carets, well under a kilobyte.
 */
export interface PresenceLimits {
	/** Largest state, as JSON text (UTF-16 code units, which bounds its bytes to three times that). */
	maxStateChars: number;
	maxStateDepth: number;
	/** Client ids one connection may publish presence for at the same time. */
	maxClientIds: number;
}

export const PRESENCE_LIMITS: PresenceLimits = { maxStateChars: 8 * 1024, maxStateDepth: 32, maxClientIds: 4 };

export type AcceptsPresence = (peer: Peer, state: unknown) => boolean;

/**
 * Why these awareness entries from a connection that already speaks for `ownIds` must be dropped, or
 * null when they may be applied. Throws MalformedMessageError for a state that is not JSON.
 */
export function presenceProblem(
	entries: AwarenessEntry[],
	peer: Peer,
	ownIds: ReadonlySet<number>,
	acceptsPresence: AcceptsPresence,
	limits: PresenceLimits = PRESENCE_LIMITS
): string | null {
	const ids = new Set(ownIds);
	for (const { clientId, json } of entries) {
		if (json === 'null') {
			ids.delete(clientId);
			continue;
		}
		if (json.length > limits.maxStateChars) return `a presence state over ${limits.maxStateChars} characters`;
		const problem = jsonProblem(json, { maxValueDepth: limits.maxStateDepth, maxValueBytes: limits.maxStateChars });
		if (problem === 'invalid JSON') throw new MalformedMessageError('awareness state is not JSON');
		if (problem) return `a presence state with ${problem}`;
		// A presence that claims somebody else is dropped whole, like someone else's.
		if (!acceptsPresence(peer, JSON.parse(json))) return 'a presence state naming someone else';
		ids.add(clientId);
	}
	return ids.size > limits.maxClientIds ? `presence for more than ${limits.maxClientIds} client ids` : null;
}
