import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { deepJson, hostileUpdate, type HostileKind } from '$tests/support/realtime-hostile';
import { applyStoredParts, defuseUpdate, MalformedUpdateError, updateProblem, UPDATE_LIMITS } from './update-guard';
import { scanUpdate } from './update-scan';

/** A document with every kind of content Yjs encodes, edited by two clients, with deletions and GC. */
function richDoc(): Y.Doc {
	const doc = new Y.Doc();
	const other = new Y.Doc();
	const meta = doc.getMap('meta');
	meta.set('code', 'MC-1');
	meta.set('values', { n: 1, f: 1.5, big: 2 ** 40, neg: -3, t: true, f2: false, nil: null, list: ['a', { b: [] }] });
	meta.set('bytes', new Uint8Array([1, 2, 3]));
	meta.set('undef', undefined);
	meta.set('code', 'MC-2'); // overwritten: the first value becomes deleted content
	const text = doc.getText('title');
	text.insert(0, '\ufeffBOM first, then ünïcödé and 😀 surrogates');
	text.delete(3, 5);
	text.format(0, 4, { bold: true });
	text.insertEmbed(2, { image: 'x.png' });
	const list = doc.getArray<unknown>('topics');
	list.push(['a', 'b', 'c']);
	list.push([new Y.Map(), new Y.Array(), new Y.Text('nested')]);
	list.delete(1, 1);
	list.delete(list.length - 1, 1); // a type with content: its items become GC structs
	const fragment = doc.getXmlFragment('summary');
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.setAttribute('align', 'left');
	paragraph.insert(0, [new Y.XmlText('rich')]);
	fragment.insert(0, [paragraph]);
	Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
	other.getText('title').insert(1, 'from the other client');
	other.getArray('topics').insert(0, ['first']);
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
	return doc;
}

function decoded(update: Uint8Array) {
	return Y.decodeUpdate(update)
		.structs.map((s) => ({
			client: s.id.client,
			clock: s.id.clock,
			length: s.length,
			kind: s instanceof Y.GC ? 'gc' : s instanceof Y.Skip ? 'skip' : 'item',
			typeRef: s instanceof Y.Item && s.content instanceof Y.ContentType ? typeRefOf(s.content.type) : null
		}))
		.sort((a, b) => a.client - b.client || a.clock - b.clock);
}

function typeRefOf(type: Y.AbstractType<unknown>): number {
	// Order matters: the Xml types extend the others.
	if (type instanceof Y.XmlText) return 6;
	if (type instanceof Y.XmlHook) return 5;
	if (type instanceof Y.XmlElement) return 3;
	if (type instanceof Y.XmlFragment) return 4;
	if (type instanceof Y.Text) return 2;
	if (type instanceof Y.Map) return 1;
	return 0;
}

function scanned(update: Uint8Array) {
	return [...scanUpdate(update, UPDATE_LIMITS).clients.values()]
		.flat()
		.map(({ client, clock, length, kind, typeRef }) => ({ client, clock, length, kind, typeRef }))
		.sort((a, b) => a.client - b.client || a.clock - b.clock);
}

describe('scanUpdate reads updates as Yjs does', () => {
	it('agrees with Y.decodeUpdate on every struct of a document with every kind of content', () => {
		const doc = richDoc();
		const update = Y.encodeStateAsUpdate(doc);
		expect(scanned(update)).toEqual(decoded(update));
		expect(scanned(update).some((s) => s.kind === 'gc')).toBe(true);
	});

	it('agrees on merged updates with gaps (Skip structs) and on single edits', () => {
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		for (let i = 0; i < 20; i++) doc.getText('t').insert(i, `${i}`);
		const gappy = Y.mergeUpdates([updates[2], updates[7], updates[15]]);
		expect(decoded(gappy).some((s) => s.kind === 'skip')).toBe(true);
		expect(scanned(gappy)).toEqual(decoded(gappy));
		for (const update of updates) expect(scanned(update)).toEqual(decoded(update));
	});

	it('refuses truncated updates and counts that exceed the bytes', () => {
		const update = Y.encodeStateAsUpdate(richDoc());
		for (const cut of [1, 5, Math.floor(update.length / 2), update.length - 1]) {
			expect(() => scanUpdate(update.subarray(0, cut), UPDATE_LIMITS)).toThrow(MalformedUpdateError);
		}
		expect(() => scanUpdate(new Uint8Array([200, 200, 200, 1]), UPDATE_LIMITS)).toThrow(MalformedUpdateError);
	});
});

describe('updateProblem', () => {
	const courseLike = () => {
		const doc = new Y.Doc();
		doc.getMap('meta').set('languages', ['en']);
		doc.getMap('summary').set('en', new Y.XmlFragment());
		return doc;
	};

	it('lets ordinary edits through', () => {
		const server = courseLike();
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
		const updates: Uint8Array[] = [];
		client.on('update', (u: Uint8Array) => updates.push(u));
		const outcomes = client.getArray<Y.Map<unknown>>('learningOutcomes');
		const outcome = new Y.Map<unknown>();
		outcomes.push([outcome]);
		const texts = new Y.Map<Y.Text>();
		outcome.set('text', texts);
		texts.set('en', new Y.Text('Learners can analyse'));
		(texts.get('en') as Y.Text).insert(8, ' really');
		client.getMap('meta').set('ectsCredits', 3);
		client.getMap('meta').set('targetGroupCategories', ['students', 'workers']);
		for (const update of updates) {
			expect(updateProblem(server, update)).toBeNull();
			Y.applyUpdate(server, update);
		}
		expect(updateProblem(server, Y.encodeStateAsUpdate(richDoc()))).toBeNull();
	});

	it.each<HostileKind>(['map value', 'embed', 'format attribute'])('refuses a 20,000-deep %s', (kind) => {
		const server = courseLike();
		expect(updateProblem(server, hostileUpdate(kind, Y.encodeStateAsUpdate(server)))).toMatch(/more than 32 levels/);
	});

	it('allows values up to the depth limit and refuses one level more', () => {
		const server = courseLike();
		const state = Y.encodeStateAsUpdate(server);
		expect(updateProblem(server, hostileUpdate('format attribute', state, 32))).toBeNull();
		expect(updateProblem(server, hostileUpdate('format attribute', state, 33))).toMatch(/levels/);
		expect(updateProblem(server, hostileUpdate('map value', state, 31))).toBeNull();
		expect(updateProblem(server, hostileUpdate('map value', state, 33))).toMatch(/levels/);
	});

	it('refuses bigints, oversized values, Y.XmlHook and subdocuments', () => {
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		doc.getMap('meta').set('big', 10n as unknown as number);
		doc.getMap('meta').set('huge', 'x'.repeat(UPDATE_LIMITS.maxValueBytes + 1));
		doc.getXmlFragment('summary').insert(0, [new Y.XmlHook('hook') as unknown as Y.XmlElement]);
		doc.getMap('meta').set('sub', new Y.Doc());
		doc.getText('title').insert(0, 'a long text is not a value: '.repeat(20_000)); // fine
		const problems = updates.map((u) => updateProblem(new Y.Doc(), u));
		expect(problems).toEqual([
			expect.stringMatching(/bigint/),
			expect.stringMatching(/size/),
			expect.stringMatching(/XmlHook/),
			expect.stringMatching(/subdocument/),
			null
		]);
	});

	it('refuses shared types nested deeper than the limit, also when built on types already in the document', () => {
		const server = courseLike();
		expect(updateProblem(server, hostileUpdate('nested maps', Y.encodeStateAsUpdate(server), 5_000))).toMatch(/nested/);
		// 60 levels are fine; 10 more on top of them, in a later update, are not.
		const sixty = hostileUpdate('nested maps', Y.encodeStateAsUpdate(server), 60);
		expect(updateProblem(server, sixty)).toBeNull();
		Y.applyUpdate(server, sixty);
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
		let deepest = client.getMap('meta');
		while (deepest.get('deeper') instanceof Y.Map) deepest = deepest.get('deeper') as Y.Map<unknown>;
		const before = Y.encodeStateVector(client);
		client.transact(() => {
			for (let i = 0; i < 10; i++) {
				const inner = new Y.Map();
				deepest.set('deeper', inner);
				deepest = inner;
			}
		});
		expect(updateProblem(server, Y.encodeStateAsUpdate(client, before))).toMatch(/nested/);
	});

	it('measures nesting across updates Yjs holds back for missing dependencies', () => {
		const server = courseLike();
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
		const updates: Uint8Array[] = [];
		client.on('update', (u: Uint8Array) => updates.push(u));
		let map = client.getMap('meta');
		for (let i = 0; i < 100; i++) {
			const inner = new Y.Map();
			map.set('deeper', inner);
			map = inner;
		}
		// Sent back to front: each half alone is shallow, and the deep half cannot integrate yet.
		const top = Y.mergeUpdates(updates.slice(0, 50));
		const bottom = Y.mergeUpdates(updates.slice(50));
		expect(updateProblem(server, bottom)).toBeNull();
		Y.applyUpdate(server, bottom);
		expect(server.store.pendingStructs).not.toBeNull();
		expect(updateProblem(server, top)).toMatch(/nested/);
	});

	it('throws MalformedUpdateError for bytes that are not an update', () => {
		expect(() => updateProblem(new Y.Doc(), new Uint8Array([255, 255, 255, 1, 2, 3]))).toThrow(MalformedUpdateError);
	});
});

describe('stored documents with unsafe content still open', () => {
	it('removes only the unsafe items and serves the rest', () => {
		const doc = new Y.Doc();
		doc.getMap('meta').set('code', 'kept');
		doc.getText('title').insert(0, 'Title stays');
		const state = Y.encodeStateAsUpdate(doc);
		const hostile = [hostileUpdate('map value', state), hostileUpdate('embed', state), hostileUpdate('nested maps', state, 5_000)];
		// A later edit by someone else builds on the document after the hostile parts.
		const later = new Y.Doc();
		Y.applyUpdate(later, state);
		const before = Y.encodeStateVector(later);
		later.getText('title').insert(11, ' and grows');
		const parts = [state, ...hostile, Y.encodeStateAsUpdate(later, before), new Uint8Array([9, 9, 9])];

		const loaded = new Y.Doc();
		const reports: Array<[number, string]> = [];
		applyStoredParts(loaded, parts, (part, problem) => reports.push([part, problem]));
		expect(reports.map(([part]) => part)).toEqual([1, 2, 3, 5]);
		expect(reports[3][1]).toMatch(/skipped/);
		expect(loaded.getText('title').toString()).toBe('Title stays and grows');
		expect(loaded.getMap('meta').get('code')).not.toEqual(expect.any(Array));
		expect(() => Y.encodeStateAsUpdate(loaded)).not.toThrow();
		expect(() => loaded.getMap('meta').delete('deeper')).not.toThrow();
		expect(updateProblem(new Y.Doc(), Y.encodeStateAsUpdate(loaded))).toBeNull();
	});

	it('leaves safe parts byte for byte as they are', () => {
		const update = Y.encodeStateAsUpdate(richDoc());
		expect(defuseUpdate(new Y.Doc(), update).update).toBe(update);
	});

	it('keeps JSON content (ContentJSON, written by old Yjs versions) readable and checks it too', () => {
		// Hand-made: one ContentJSON item (content ref 2) holding a deep value, in root map "meta".
		const encoder = encoding.createEncoder();
		for (const n of [1, 1, 42, 0]) encoding.writeVarUint(encoder, n); // 1 client, 1 struct, client 42, clock 0
		encoding.writeUint8(encoder, 2 | 0x20); // ContentJSON with a map key
		encoding.writeVarUint(encoder, 1); // parent is a root type…
		encoding.writeVarString(encoder, 'meta'); // …named meta
		encoding.writeVarString(encoder, 'legacy');
		encoding.writeVarUint(encoder, 1);
		encoding.writeVarString(encoder, deepJson(20_000));
		encoding.writeVarUint(encoder, 0); // no deletions
		const update = encoding.toUint8Array(encoder);
		expect(updateProblem(new Y.Doc(), update)).toMatch(/levels/);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, defuseUpdate(doc, update).update);
		expect(doc.getMap('meta').has('legacy')).toBe(false);
		expect(() => Y.encodeStateAsUpdate(doc)).not.toThrow();
	});
});
