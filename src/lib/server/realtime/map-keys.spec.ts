import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { specToDoc } from '$lib/course-spec/doc';
import { multilingualSpec } from '$lib/course-spec/fixtures';
import { metaMap } from '$lib/course-spec/layout';
import { addLanguage, getText, setMeta } from '$lib/course-spec/mutations';
import { changesMapKeys, type MapKey } from './map-keys';

const LANGUAGES: MapKey[] = [['meta', 'languages']];

/** A server document and a peer in sync with it; `edit` is what the peer does, returned as its update. */
function peerEdit(edit: (doc: Y.Doc) => void): { server: Y.Doc; update: Uint8Array } {
	const server = specToDoc(multilingualSpec());
	const peer = new Y.Doc();
	Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
	const before = Y.encodeStateVector(peer);
	edit(peer);
	return { server, update: Y.encodeStateAsUpdate(peer, before) };
}

describe('updates that change a root map key', () => {
	it('sees a key set again (the new value placed next to the old one), set for the first time, or deleted', () => {
		for (const edit of [
			(doc: Y.Doc) => setMeta(doc, 'languages', ['sv', 'fi', 'en']),
			(doc: Y.Doc) => addLanguage(doc, 'de'),
			(doc: Y.Doc) => metaMap(doc).delete('languages')
		]) {
			const { server, update } = peerEdit(edit);
			expect(changesMapKeys(server, update, LANGUAGES)).toBe(true);
		}
		const fresh = new Y.Doc();
		const first = new Y.Doc();
		first.getMap('meta').set('languages', ['fi']);
		expect(changesMapKeys(fresh, Y.encodeStateAsUpdate(first), LANGUAGES)).toBe(true);
	});

	it('lets everything else through: other keys, texts in every language, items', () => {
		for (const edit of [
			(doc: Y.Doc) => setMeta(doc, 'ectsCredits', 4),
			(doc: Y.Doc) => getText(doc, 'title', 'sv').insert(0, 'Ny '),
			(doc: Y.Doc) => getText(doc, 'title', 'de').insert(0, 'Neu'),
			(doc: Y.Doc) => getText(doc, 'title', 'fi').delete(0, 3)
		]) {
			const { server, update } = peerEdit(edit);
			expect(changesMapKeys(server, update, LANGUAGES)).toBe(false);
		}
		// A nested map's own "languages" key is not the course's.
		const { server, update } = peerEdit((doc) => {
			const nested = new Y.Map();
			metaMap(doc).set('other', nested);
			nested.set('languages', ['xx']);
		});
		expect(changesMapKeys(server, update, LANGUAGES)).toBe(false);
		expect(changesMapKeys(server, update, [])).toBe(false);
	});

	it('sees the key when the change comes merged with other edits (a reconnecting peer’s catch-up)', () => {
		const { server, update } = peerEdit((doc) => {
			getText(doc, 'title', 'en').insert(0, 'New ');
			setMeta(doc, 'languages', ['en', 'fi', 'sv']);
			getText(doc, 'title', 'en').insert(0, 'Very ');
		});
		expect(changesMapKeys(server, update, LANGUAGES)).toBe(true);
	});

	it('ignores what the document has already: a peer’s catch-up repeats items and old deletions of the key', () => {
		const server = specToDoc(multilingualSpec());
		addLanguage(server, 'de'); // replaces the value: the old one is deleted
		const peer = new Y.Doc();
		Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
		getText(peer, 'title', 'de').insert(0, 'Kreislauf');
		// What a reconnecting client sends: everything it has beyond the server's state, with its whole delete set.
		expect(changesMapKeys(server, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(server)), LANGUAGES)).toBe(false);
		// Even all of it, as a client with a stale state vector would.
		expect(changesMapKeys(server, Y.encodeStateAsUpdate(peer), LANGUAGES)).toBe(false);
	});
});
