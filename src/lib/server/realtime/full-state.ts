import * as Y from 'yjs';
import { encodeDocUpdate, encodeSyncStep2Update } from './protocol';

/**
 * What the room sends a peer that has nothing yet (an empty state vector: every new page load):
 * the whole document. Encoding a large document is the biggest part of answering such a peer, so
 * the frames are kept until the document next changes, and everyone who joins meanwhile gets the
 * same frames: a class opening one course at once costs one encoding, not one per student.
 *
 * A freshly loaded room starts from the parts it was loaded from, unchanged, so the first peer of a
 * cold open gets the stored bytes as they are and the document is not encoded at all: the later
 * update rows go first as updates (Yjs holds them until what they build on arrives), the state last
 * as sync step 2, so that a client has the whole document by the time it counts itself synced.
 */
export class FullStateFrames {
	private frames: Uint8Array[] | null;

	constructor(
		private readonly doc: Y.Doc,
		/** The parts the document was built from, if they were applied exactly as given. */
		loadedFrom: Uint8Array[] | null
	) {
		this.frames = loadedFrom && loadedFrom.length > 0 ? framesOfParts(loadedFrom) : null;
	}

	/** The frames that give an empty peer the document as it is now. */
	get(): Uint8Array[] {
		this.frames ??= [encodeSyncStep2Update(Y.encodeStateAsUpdate(this.doc))];
		return this.frames;
	}

	/** The document changed: the next empty peer needs a new encoding. */
	invalidate(): void {
		this.frames = null;
	}
}

/** Whether a state vector is that of a peer holding nothing of the document. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
	return Y.decodeStateVector(stateVector).size === 0;
}

function framesOfParts([state, ...updates]: Uint8Array[]): Uint8Array[] {
	return [...updates.map(encodeDocUpdate), encodeSyncStep2Update(state)];
}
