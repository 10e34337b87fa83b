import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOutcome, deleteItem, getText, setMeta } from '$lib/course-spec/mutations';
import { docToSpec } from '$lib/course-spec/doc';
import { LOCAL_INPUT } from './text-binding';
import { createUndoManager } from './undo';

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');

describe('the page’s undo history', () => {
	it('undoes only this person’s changes, never a peer’s', () => {
		const mine = new Y.Doc();
		const theirs = new Y.Doc();
		const undo = createUndoManager(mine);
		mine.transact(() => getText(mine, 'title', 'en').insert(0, 'Service design'), LOCAL_INPUT);
		sync(mine, theirs);
		theirs.transact(() => getText(theirs, 'targetGroup', 'en').insert(0, 'Entrepreneurs'));
		sync(theirs, mine);
		undo.undo();
		const spec = docToSpec(mine);
		expect(spec.title).toEqual({});
		expect(spec.targetGroup.text).toEqual({ en: 'Entrepreneurs' });
	});

	it('keeps quick changes to two fields as two steps', () => {
		const doc = new Y.Doc();
		const undo = createUndoManager(doc);
		doc.transact(() => getText(doc, 'title', 'en').insert(0, 'Pilot'), LOCAL_INPUT);
		setMeta(doc, 'ectsCredits', 3);
		setMeta(doc, 'eqfLevel', 5);
		doc.transact(() => getText(doc, 'title', 'en').insert(5, ' course'), LOCAL_INPUT);
		expect(undo.undoStack).toHaveLength(4);
		undo.undo();
		expect(docToSpec(doc).title).toEqual({ en: 'Pilot' });
		undo.undo();
		expect(docToSpec(doc).eqfLevel).toBeNull();
		expect(docToSpec(doc).ectsCredits).toBe(3);
	});

	it('merges quick typing in one field into one step', () => {
		const doc = new Y.Doc();
		const title = getText(doc, 'title', 'en'); // made with the course, before anyone types
		const undo = createUndoManager(doc);
		for (const char of 'Pilot') doc.transact(() => title.insert(title.length, char), LOCAL_INPUT);
		expect(undo.undoStack).toHaveLength(1);
	});

	it('brings a deleted outcome back with its id and its links', () => {
		const doc = new Y.Doc();
		const undo = createUndoManager(doc);
		const id = addOutcome(doc, { en: 'Map a service journey' });
		doc.transact(() => {
			const modules = doc.getArray<Y.Map<unknown>>('modules');
			const module = new Y.Map<unknown>();
			modules.push([module]);
			module.set('id', 'module-1');
			module.set('outcomeIds', Y.Array.from([id]));
		});
		undo.stopCapturing();
		deleteItem(doc, 'learningOutcomes', id);
		expect(docToSpec(doc).learningOutcomes).toEqual([]);
		undo.undo();
		const spec = docToSpec(doc);
		expect(spec.learningOutcomes.map((o) => o.id)).toEqual([id]);
		expect(spec.modules[0].outcomeIds).toEqual([id]);
	});
});
