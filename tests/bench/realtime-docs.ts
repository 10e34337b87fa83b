import * as Y from 'yjs';

/** A small deterministic PRNG, so every bench run stores the same documents. */
function mulberry32(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = 'learners can analyse platform economy business models evaluate risks design a service apply methods reflect on ethics in teams with partners'.split(' ');

export interface BuiltDoc {
	/** What compaction would have stored. */
	state: Uint8Array;
	/** Later single edits, stored as update rows on top of the state. */
	updates: Uint8Array[];
	/** Size of the whole document as one update. */
	bytes: number;
}

/**
 * A course-spec-like document written by three people: typing phrases at random places in text
 * fields, deleting, adding outcomes with their own texts, overwriting scalar fields. Stops once the
 * encoded document reaches `targetBytes`, then makes `trailingEdits` more edits kept as separate updates.
 */
export function buildCourseDoc(targetBytes: number, trailingEdits = 50, seed = 7): BuiltDoc {
	const random = mulberry32(seed);
	const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
	const authors = [new Y.Doc(), new Y.Doc(), new Y.Doc()];

	const edit = (doc: Y.Doc) => {
		const meta = doc.getMap('meta');
		const outcomes = doc.getArray<Y.Map<unknown>>('outcomes');
		const texts = [doc.getText('summary'), doc.getText('prerequisites'), doc.getText('targetGroup')];
		for (const outcome of outcomes.toArray().slice(-5)) texts.push(outcome.get('text') as Y.Text);
		const roll = random();
		if (roll < 0.6) {
			// Typing a phrase somewhere: consecutive keystrokes merge into one item, like this insert.
			const text = pick(texts);
			const words = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(WORDS));
			text.insert(Math.floor(random() * (text.length + 1)), `${words.join(' ')} `);
		} else if (roll < 0.75) {
			const text = pick(texts);
			if (text.length > 10) text.delete(Math.floor(random() * (text.length - 10)), 1 + Math.floor(random() * 8));
		} else if (roll < 0.85) {
			const outcome = new Y.Map<unknown>();
			outcome.set('id', `lo${Math.floor(random() * 1e9).toString(36)}`);
			outcome.set('text', new Y.Text(`${pick(WORDS)} ${pick(WORDS)} `));
			outcomes.push([outcome]);
		} else {
			meta.set(pick(['title', 'ects', 'eqf', 'language', 'workload']), `${pick(WORDS)} ${Math.floor(random() * 100)}`);
		}
	};
	const syncAll = () => {
		for (const from of authors) {
			for (const to of authors) {
				if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
			}
		}
	};

	const main = authors[0];
	const checkEvery = targetBytes < 200_000 ? 20 : 500; // measuring a big doc is not free
	for (let step = 1; ; step++) {
		edit(pick(authors));
		if (step % 20 === 0) syncAll();
		if (step % checkEvery === 0 && Y.encodeStateAsUpdate(main).byteLength >= targetBytes) break;
	}
	syncAll();
	const state = Y.encodeStateAsUpdate(main);
	const updates: Uint8Array[] = [];
	main.on('update', (update: Uint8Array) => updates.push(update));
	for (let i = 0; i < trailingEdits; i++) edit(main);
	return { state, updates, bytes: Y.encodeStateAsUpdate(main).byteLength };
}
