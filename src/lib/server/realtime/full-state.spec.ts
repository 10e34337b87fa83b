import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { FullStateFrames, isEmptyStateVector } from './full-state';
import { SyncType } from './protocol';

/** Applies sync frames the way a y-websocket client does, and says which sync types arrived in order. */
function applyFrames(frames: Uint8Array[]): { doc: Y.Doc; types: number[] } {
	const doc = new Y.Doc();
	const types: number[] = [];
	for (const frame of frames) {
		const decoder = decoding.createDecoder(frame);
		expect(decoding.readVarUint(decoder)).toBe(0); // a sync message
		types.push(decoding.readVarUint(decoder));
		Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
	}
	return { doc, types };
}

describe('frames for a peer with nothing', () => {
	const source = new Y.Doc();
	source.getText('text').insert(0, 'state');
	const state = Y.encodeStateAsUpdate(source);
	const rows: Uint8Array[] = [];
	source.on('update', (update: Uint8Array) => rows.push(update));
	source.getText('text').insert(5, ' row one');
	source.getArray('list').push(['row two']);

	it('sends the stored rows as updates first and the state last, as sync step 2', () => {
		const doc = new Y.Doc();
		for (const part of [state, ...rows]) Y.applyUpdate(doc, part);
		const { doc: received, types } = applyFrames(new FullStateFrames(doc, [state, ...rows]).get());
		expect(types).toEqual([SyncType.Update, SyncType.Update, SyncType.Step2]);
		expect(received.getText('text').toString()).toBe('state row one');
		expect(received.getArray('list').toArray()).toEqual(['row two']);
	});

	it('encodes the document once it has changed, and keeps that encoding until the next change', () => {
		const doc = new Y.Doc();
		for (const part of [state, ...rows]) Y.applyUpdate(doc, part);
		const frames = new FullStateFrames(doc, [state, ...rows]);
		doc.getMap('map').set('later', true);
		frames.invalidate();
		const encoded = frames.get();
		expect(encoded).toHaveLength(1);
		expect(frames.get()).toBe(encoded);
		expect(applyFrames(encoded).doc.getMap('map').get('later')).toBe(true);
	});

	it('tells an empty state vector from one that holds something', () => {
		expect(isEmptyStateVector(Y.encodeStateVector(new Y.Doc()))).toBe(true);
		expect(isEmptyStateVector(Y.encodeStateVector(source))).toBe(false);
	});
});
