import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applySpec } from './apply-spec';
import { docToSpec, specToDoc } from './doc';
import { emptySpec } from './empty-spec';
import { FIXTURE_IDS, fullSpec, minimalSpec } from './fixtures';
import { listArray, richTextMap, textMap } from './layout';
import { addOutcome, getRichText, getText, moveItem, toggleOutcomeLink } from './mutations';
import type { CourseSpec } from './types';

const [APPLY, COMPARE, PITCH] = FIXTURE_IDS.outcomes;
const [PRINCIPLES, MATERIALS, REDESIGN] = FIXTURE_IDS.modules;

function copyOf(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

function sync(a: Y.Doc, b: Y.Doc): void {
	const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, fromA);
	Y.applyUpdate(a, fromB);
}

/** The items of a list by id, as the Y.Map objects the document holds. */
const itemsById = (doc: Y.Doc, list: 'learningOutcomes' | 'modules' | 'assessments') =>
	new Map(listArray(doc, list).toArray().map((item) => [item.get('id') as string, item]));

/** Counts the updates a change emits; zero means the document was not touched at all. */
function updatesDuring(doc: Y.Doc, change: () => void): number {
	let count = 0;
	const count1 = () => count++;
	doc.on('update', count1);
	change();
	doc.off('update', count1);
	return count;
}

/** The full fixture after a few typical edits since a version was saved. */
function editedSpec(): CourseSpec {
	const spec = fullSpec();
	spec.title.en = 'Circular Product Design (pilot)';
	spec.ectsCredits = 4;
	spec.topics = ['LCA', 'circular economy', 'repair'];
	spec.learningOutcomes[1].text.en = 'The learner can compare materials and suppliers by their life-cycle impact.';
	spec.learningOutcomes.push({ id: 'outcomenewer', text: { en: 'Estimate the recycled content of a product.' } });
	spec.modules = [spec.modules[2], spec.modules[0]]; // one removed, the last moved to the front
	spec.modules[0].outcomeIds = [PITCH];
	spec.assessments[1].title = { en: 'Materials quiz', fi: 'Materiaalitentti' };
	return spec;
}

describe('applySpec', () => {
	it.each([
		['full', 'minimal', fullSpec, minimalSpec],
		['minimal', 'full', minimalSpec, fullSpec],
		['empty', 'full', () => emptySpec(), fullSpec],
		['full', 'empty', fullSpec, () => emptySpec()],
		['edited', 'full', editedSpec, fullSpec],
		['full', 'edited', fullSpec, editedSpec]
	])('turns a %s document into the %s spec', (_a, _b, from, to) => {
		const doc = specToDoc(from());
		applySpec(doc, to());
		expect(docToSpec(doc)).toEqual(to());
		// And survives the trip through an update, as the live room sends it.
		expect(docToSpec(copyOf(doc))).toEqual(to());
	});

	it('changes nothing at all when the document already says what the spec says', () => {
		const doc = specToDoc(fullSpec());
		// The spec as stored in jsonb: same content, keys in another order.
		const reordered = JSON.parse(JSON.stringify(fullSpec(), (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
		expect(updatesDuring(doc, () => applySpec(doc, reordered))).toBe(0);
		expect(updatesDuring(doc, () => applySpec(doc, docToSpec(doc)))).toBe(0);
	});

	it('keeps every item that stays as the same object and moves only the one that must move', () => {
		const doc = specToDoc(fullSpec());
		const before = { outcomes: itemsById(doc, 'learningOutcomes'), modules: itemsById(doc, 'modules') };
		const complianceText = getText(doc, 'outcomeText', 'en', COMPARE);
		applySpec(doc, editedSpec());

		const after = { outcomes: itemsById(doc, 'learningOutcomes'), modules: itemsById(doc, 'modules') };
		for (const id of [APPLY, COMPARE, PITCH]) expect(after.outcomes.get(id)).toBe(before.outcomes.get(id));
		expect(getText(doc, 'outcomeText', 'en', COMPARE)).toBe(complianceText);
		// Modules went from [principles, materials, redesign] to [redesign, principles]: materials is
		// deleted and one of the other two moves. Keeping principles, only redesign is re-created.
		expect(after.modules.has(MATERIALS)).toBe(false);
		const kept = [PRINCIPLES, REDESIGN].filter((id) => after.modules.get(id) === before.modules.get(id));
		expect(kept).toHaveLength(1);
		expect(docToSpec(doc).modules.map((m) => m.id)).toEqual([REDESIGN, PRINCIPLES]);
	});

	it('changes plain text only in the middle that differs', () => {
		const doc = specToDoc(fullSpec());
		const title = getText(doc, 'title', 'en');
		const deltas: unknown[] = [];
		title.observe((event) => deltas.push(event.delta));
		applySpec(doc, editedSpec());
		expect(deltas).toEqual([[{ retain: 'Circular Product Design'.length }, { insert: ' (pilot)' }]]);
	});

	it('rewrites only the rich-text blocks that changed', () => {
		const doc = specToDoc(fullSpec());
		const summary = getRichText(doc, 'summary', 'en');
		const [heading, paragraph, list, quote] = summary.toArray();
		const spec = fullSpec();
		spec.summary.en.content![2] = {
			type: 'bulletList',
			content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Blended' }] }] }]
		};
		applySpec(doc, spec);
		const now = summary.toArray();
		expect(now[0]).toBe(heading);
		expect(now[1]).toBe(paragraph);
		expect(now[2]).not.toBe(list);
		expect(now[3]).toBe(quote);
		expect(docToSpec(doc).summary).toEqual(spec.summary);
	});

	it('empties languages the spec lacks instead of removing them, and adds the ones it has', () => {
		const doc = specToDoc(fullSpec());
		const finnishTitle = textMap(doc, 'title').get('fi')!;
		const spec = fullSpec();
		delete spec.title.fi;
		delete spec.summary.fi;
		spec.prerequisites.sv = 'Grundläggande kunskaper i produktutveckling.';
		applySpec(doc, spec);
		expect(textMap(doc, 'title').get('fi')).toBe(finnishTitle);
		expect(finnishTitle.toString()).toBe('');
		expect(richTextMap(doc, 'summary').get('fi')?.length).toBe(0);
		expect(docToSpec(doc)).toEqual(spec);
	});

	it('reconciles outcome links and topics without touching the links that stay', () => {
		const doc = specToDoc(fullSpec());
		const links = itemsById(doc, 'modules').get(REDESIGN)!.get('outcomeIds') as Y.Array<string>;
		const deltas: unknown[] = [];
		links.observe((event) => deltas.push(event.delta));
		const spec = fullSpec();
		spec.modules[2].outcomeIds = [COMPARE, APPLY]; // was [apply, pitch]
		spec.topics = ['product design', 'LCA', 'ecodesign'];
		applySpec(doc, spec);
		expect(deltas).toEqual([[{ insert: [COMPARE] }, { retain: 1 }, { delete: 1 }]]);
		expect(docToSpec(doc)).toEqual(spec);
	});

	it('removes second copies of an item left by concurrent moves, keeping the first', () => {
		const a = specToDoc(fullSpec());
		const b = copyOf(a);
		moveItem(a, 'learningOutcomes', APPLY, 2);
		moveItem(b, 'learningOutcomes', APPLY, 1);
		sync(a, b);
		expect(listArray(a, 'learningOutcomes').length).toBe(4);
		applySpec(a, fullSpec());
		expect(listArray(a, 'learningOutcomes').length).toBe(3);
		expect(docToSpec(a)).toEqual(fullSpec());
	});

	it('repairs odd values a peer put into the document', () => {
		const doc = specToDoc(fullSpec());
		doc.transact(() => {
			doc.getMap('meta').set('ectsCredits', 'three');
			textMap(doc, 'gradingScheme').set('sv', 'not a Y.Text' as unknown as Y.Text);
			listArray(doc, 'modules').push([new Y.Map()]); // an item without an id
		});
		applySpec(doc, fullSpec());
		expect(docToSpec(doc)).toEqual(fullSpec());
		expect(listArray(doc, 'modules').length).toBe(3);
	});

	it('keeps what a peer types into an item while the spec is applied', () => {
		const server = specToDoc(editedSpec());
		const peer = copyOf(server);

		// Concurrently: the peer types into a kept outcome and a kept module and links an outcome,
		// while the server restores the original spec (which also changes those items).
		const typing = getText(peer, 'outcomeText', 'en', COMPARE)!;
		typing.insert(typing.length - 1, ' and cost');
		getText(peer, 'moduleTitle', 'en', PRINCIPLES)!.insert(0, 'Core ');
		toggleOutcomeLink(peer, 'modules', PRINCIPLES, COMPARE);
		const added = addOutcome(peer, { en: 'Repair a product with common tools.' });
		applySpec(server, fullSpec());
		sync(server, peer);

		const merged = docToSpec(server);
		expect(docToSpec(peer)).toEqual(merged);
		const outcome = merged.learningOutcomes.find((o) => o.id === COMPARE)!;
		expect(outcome.text.en).toBe('The learner can compare materials by their life-cycle impact and cost.');
		expect(merged.modules.find((m) => m.id === PRINCIPLES)!.title.en).toBe('Core Principles');
		expect(merged.modules.find((m) => m.id === PRINCIPLES)!.outcomeIds).toEqual([APPLY, COMPARE]);
		expect(merged.learningOutcomes.map((o) => o.id)).toEqual([APPLY, COMPARE, PITCH, added]);
		// Everything the peer did not touch is what the restored spec says.
		const expected = fullSpec();
		expect({ ...merged, learningOutcomes: [], modules: [] }).toEqual({ ...expected, learningOutcomes: [], modules: [] });
		expect(merged.modules.map((m) => m.id)).toEqual(expected.modules.map((m) => m.id));
	});
});
