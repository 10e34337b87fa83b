import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToSpec, specToDoc } from './doc';
import { FIXTURE_IDS, fullSpec } from './fixtures';
import { listArray } from './layout';
import { addOutcome, getText, moveItem, setMeta } from './mutations';
import type { CourseSpec } from './types';

// Two peers start from the same document, edit without seeing each other, then exchange updates
// both ways (what y-websocket does on reconnect). They must converge, with no item twice.

function twoPeers(): [Y.Doc, Y.Doc] {
	const a = specToDoc(fullSpec());
	const b = new Y.Doc();
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	return [a, b];
}

function sync(a: Y.Doc, b: Y.Doc): void {
	const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, fromA);
	Y.applyUpdate(a, fromB);
}

function converged(a: Y.Doc, b: Y.Doc): CourseSpec {
	const spec = docToSpec(a);
	expect(docToSpec(b)).toEqual(spec);
	for (const list of ['learningOutcomes', 'modules', 'assessments'] as const) {
		const ids = spec[list].map((i) => i.id);
		expect(new Set(ids).size).toBe(ids.length);
	}
	return spec;
}

const [APPLY, COMPARE, PITCH] = FIXTURE_IDS.outcomes;

describe('concurrent editing', () => {
	it('merges typing in the same sentence', () => {
		const [a, b] = twoPeers();
		getText(a, 'outcomeText', 'en', COMPARE)?.insert(0, 'By the end, ');
		const textB = getText(b, 'outcomeText', 'en', COMPARE);
		textB?.insert(textB.length - 1, ' and cost');
		getText(a, 'title', 'en').insert(0, 'Applied ');
		getText(b, 'title', 'en').insert('Circular Product Design'.length, ' (2025)');
		sync(a, b);
		const spec = converged(a, b);
		expect(spec.learningOutcomes[1].text.en).toBe('By the end, The learner can compare materials by their life-cycle impact and cost.');
		expect(spec.title.en).toBe('Applied Circular Product Design (2025)');
	});

	it('keeps outcomes added by both peers at the same place', () => {
		const [a, b] = twoPeers();
		const fromA = addOutcome(a, { en: 'Estimate the recycled content of a product.' }, 1);
		const fromB = addOutcome(b, { en: 'Select a take-back model for a product.' }, 1);
		sync(a, b);
		const spec = converged(a, b);
		expect(spec.learningOutcomes.map((o) => o.id)).toHaveLength(5);
		expect(spec.learningOutcomes.map((o) => o.id)).toEqual(expect.arrayContaining([fromA, fromB, APPLY, COMPARE, PITCH]));
		expect(spec.learningOutcomes[0].id).toBe(APPLY);
		expect(spec.learningOutcomes.slice(3).map((o) => o.id)).toEqual([COMPARE, PITCH]);
	});

	it('converges when one peer moves an item the other edits', () => {
		const [a, b] = twoPeers();
		moveItem(a, 'learningOutcomes', PITCH, 0);
		getText(b, 'outcomeText', 'en', PITCH)?.insert(0, 'Finally: ');
		setMeta(b, 'ectsCredits', 4);
		sync(a, b);
		const spec = converged(a, b);
		expect(spec.learningOutcomes.map((o) => o.id)).toEqual([PITCH, APPLY, COMPARE]);
		expect(spec.ectsCredits).toBe(4);
		// The edit went into the original the move deleted: a documented cost of move = delete + insert.
		expect(spec.learningOutcomes[0].text.en).toBe('Students are able to present a redesign proposal to an industry panel.');
	});

	it('does not duplicate an item both peers moved', () => {
		const [a, b] = twoPeers();
		moveItem(a, 'learningOutcomes', APPLY, 2);
		moveItem(b, 'learningOutcomes', APPLY, 1);
		sync(a, b);
		// Both clones survive in the document; the spec keeps the first copy.
		expect(listArray(a, 'learningOutcomes').length).toBe(4);
		const spec = converged(a, b);
		expect(spec.learningOutcomes).toHaveLength(3);
		expect(spec.learningOutcomes.filter((o) => o.id === APPLY)[0].text).toEqual(fullSpec().learningOutcomes[0].text);

		// The next move of that item removes the stray copy, and peers agree again.
		moveItem(a, 'learningOutcomes', APPLY, 0);
		sync(a, b);
		expect(listArray(b, 'learningOutcomes').length).toBe(3);
		expect(converged(a, b).learningOutcomes.map((o) => o.id)).toEqual([APPLY, COMPARE, PITCH]);
	});

	it('gives the same result whatever order updates arrive in', () => {
		const base = Y.encodeStateAsUpdate(specToDoc(fullSpec()));
		const fromBase = () => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, base);
			return doc;
		};
		const [a, b, c] = [fromBase(), fromBase(), fromBase()];
		const updates: Uint8Array[] = [];
		for (const peer of [a, b, c]) peer.on('update', (u: Uint8Array) => updates.push(u));
		moveItem(a, 'modules', FIXTURE_IDS.modules[0], 2);
		moveItem(b, 'modules', FIXTURE_IDS.modules[0], 1);
		getText(c, 'moduleTitle', 'en', FIXTURE_IDS.modules[0])?.insert(0, 'Circular ');
		addOutcome(c, { en: 'Measure the energy use of a product.' });
		const [forward, backward] = [fromBase(), fromBase()];
		for (const u of updates) Y.applyUpdate(forward, u);
		for (const u of [...updates].reverse()) Y.applyUpdate(backward, u);
		expect(converged(forward, backward).modules).toHaveLength(3);
	});
});
