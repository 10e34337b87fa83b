import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

// Updates a hostile peer could send. Yjs' own encoder overflows the stack on the values they carry,
// so each is made by a real change with a short placeholder whose encoded bytes are then swapped for
// the deep value's; the v1 format has no byte offsets, so the result is a well-formed update.

const PLACEHOLDER = 'hostile-placeholder';

/** `[[[…]]]`: JSON nested `depth` levels deep (20,000 levels are 40 KB). */
export function deepJson(depth: number): string {
	return '['.repeat(depth) + ']'.repeat(depth);
}

/** The same as a lib0 `any` value (arrays of one array each), as Yjs encodes a Y.Map value. */
function deepAny(depth: number): Uint8Array {
	const bytes = new Uint8Array(depth * 2 + 2);
	for (let i = 0; i < depth; i++) bytes.set([117, 1], i * 2);
	bytes.set([117, 0], depth * 2);
	return bytes;
}

function varString(text: string): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, text);
	return encoding.toUint8Array(encoder);
}

function splice(update: Uint8Array, find: Uint8Array, replacement: Uint8Array): Uint8Array {
	const at = Buffer.from(update).indexOf(Buffer.from(find));
	if (at === -1) throw new Error('placeholder not found in the update');
	const out = new Uint8Array(update.length - find.length + replacement.length);
	out.set(update.subarray(0, at));
	out.set(replacement, at);
	out.set(update.subarray(at + find.length), at + replacement.length);
	return out;
}

/** The update `change` makes on a copy of `state` (the document as the server has it). */
function changeOf(state: Uint8Array, change: (doc: Y.Doc) => void): Uint8Array {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	const before = Y.encodeStateVector(doc);
	change(doc);
	const update = Y.encodeStateAsUpdate(doc, before);
	doc.destroy();
	return update;
}

export type HostileKind = 'map value' | 'embed' | 'format attribute' | 'nested maps';

/**
 * A hostile update on top of `state`: a deep value as a Y.Map value (meta.code), as an embed or as a
 * format attribute in the rich-text summary, or shared maps nested `depth` levels deep.
 */
export function hostileUpdate(kind: HostileKind, state: Uint8Array, depth = 20_000): Uint8Array {
	switch (kind) {
		case 'map value': {
			const update = changeOf(state, (doc) => doc.getMap('meta').set('code', PLACEHOLDER));
			return splice(update, new Uint8Array([119, ...varString(PLACEHOLDER)]), deepAny(depth));
		}
		case 'embed': {
			const embed = { image: PLACEHOLDER };
			const update = changeOf(state, (doc) => summaryText(doc).insertEmbed(0, embed));
			return splice(update, varString(JSON.stringify(embed)), varString(deepJson(depth)));
		}
		case 'format attribute': {
			const link = { href: PLACEHOLDER };
			const update = changeOf(state, (doc) => summaryText(doc).insert(0, 'click', { link }));
			return splice(update, varString(JSON.stringify(link)), varString(deepJson(depth)));
		}
		case 'nested maps':
			return changeOf(state, (doc) =>
				doc.transact(() => {
					let map = doc.getMap('meta');
					for (let i = 0; i < depth; i++) {
						const inner = new Y.Map();
						map.set('deeper', inner);
						map = inner;
					}
				})
			);
	}
}

/** A Y.XmlText inside the summary's first language, created if the document has none yet. */
function summaryText(doc: Y.Doc): Y.XmlText {
	const summary = doc.getMap<Y.XmlFragment>('summary');
	let fragment = [...summary.values()][0];
	if (!fragment) {
		fragment = new Y.XmlFragment();
		summary.set('en', fragment);
	}
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText();
	fragment.insert(0, [paragraph]);
	paragraph.insert(0, [text]);
	return text;
}
