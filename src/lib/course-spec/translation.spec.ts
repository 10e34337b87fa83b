import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applySpec } from './apply-spec';
import { docToSpec, specToDoc } from './doc';
import { FIXTURE_IDS, multilingualSpec } from './fixtures';
import { replaceText, translationBasisMap } from './layout';
import { addOutcome, getRichText, getText } from './mutations';
import {
	recordBasis,
	recordBasisOnEdit,
	translationOfType,
	translationProgress,
	translationState,
	translationUnit,
	translationUnits
} from './translation';
import { writeRichText } from './rich-text-yjs';

const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });

/** Applies every update of `from` to `to` as a remote peer's (not local) change. */
function syncInto(from: Y.Doc, to: Y.Doc) {
	Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
}

describe('translation units', () => {
	it('lists every translatable field instance in form order, derived from the field list', () => {
		const doc = specToDoc(multilingualSpec());
		const refs = translationUnits(doc).map((u) => u.ref);
		const [apply] = FIXTURE_IDS.outcomes;
		const [principles] = FIXTURE_IDS.modules;
		expect(refs.slice(0, 4)).toEqual(['title', 'summary', 'targetGroup', 'prerequisites']);
		expect(refs).toContain(`learningOutcomes.${apply}.text`);
		expect(refs).toContain(`modules.${principles}.title`);
		expect(refs).toContain(`modules.${principles}.description`);
		expect(refs).toContain('qualityAssuranceStatement');
		expect(refs).toContain('furtherInformation');
		// Not translated: the course code, numbers, choices.
		expect(refs).not.toContain('code');
		expect(refs.filter((r) => r.endsWith('.hours'))).toEqual([]);
	});

	it('names the translation a changed shared type is, and nothing else', () => {
		const doc = specToDoc(multilingualSpec());
		const [apply] = FIXTURE_IDS.outcomes;
		expect(translationOfType(doc, getText(doc, 'title', 'sv'))).toEqual({ ref: 'title', lang: 'sv' });
		expect(translationOfType(doc, getRichText(doc, 'summary', 'sv'))).toEqual({ ref: 'summary', lang: 'sv' });
		expect(translationOfType(doc, getText(doc, 'outcomeText', 'sv', apply)!)).toEqual({
			ref: `learningOutcomes.${apply}.text`,
			lang: 'sv'
		});
		expect(translationOfType(doc, doc.getMap('meta'))).toBeNull();
		expect(translationOfType(doc, doc.getMap('title'))).toBeNull();
	});
});

describe('translation state', () => {
	it('a spec written into a fresh document has every translation current', () => {
		const doc = specToDoc(multilingualSpec());
		const sv = translationProgress(doc, 'sv');
		expect(sv.sourceChanged).toBe(0);
		expect(sv.translated).toBe(sv.total);
		// Descriptions without text in the source and the translation (the fixture's are in English only) are nothing to translate.
		const empty = translationUnits(doc).filter((u) => translationState(doc, u, 'sv').kind === 'empty');
		expect(empty.map((u) => u.field).sort()).toEqual(['assessmentDescription', 'assessmentDescription', 'moduleDescription', 'moduleDescription', 'moduleDescription']);
		expect(sv.total).toBe(translationUnits(doc).length - empty.length);
	});

	it('marks a translation "source changed" when the source changes, with the text it was written against', () => {
		const doc = specToDoc(multilingualSpec());
		const title = translationUnit(doc, 'title')!;
		replaceText(getText(doc, 'title', 'fi'), 'Kiertotalouden tuotesuunnittelu pk-yrityksille');
		expect(translationState(doc, title, 'sv')).toEqual({
			kind: 'sourceChanged',
			then: 'Kiertotalouden tuotesuunnittelu',
			now: 'Kiertotalouden tuotesuunnittelu pk-yrityksille'
		});
		expect(translationProgress(doc, 'sv').sourceChanged).toBe(1);
		expect(translationProgress(doc, 'en').sourceChanged).toBe(1);
		// Confirming ("Still correct") records the source as it reads now.
		recordBasis(doc, title, 'sv');
		expect(translationState(doc, title, 'sv')).toEqual({ kind: 'current' });
		expect(translationState(doc, title, 'en').kind).toBe('sourceChanged');
	});

	it('does not mark a translation for whitespace or formatting changes of its source', () => {
		const doc = specToDoc(multilingualSpec());
		replaceText(getText(doc, 'title', 'fi'), '  Kiertotalouden   tuotesuunnittelu ');
		expect(translationState(doc, translationUnit(doc, 'title')!, 'sv').kind).toBe('current');
		const summary = getRichText(doc, 'summary', 'fi');
		const text = 'Suunnittele tuotteita uudelleenkäyttöön, korjaamiseen ja kierrätykseen.';
		writeRichText(summary, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'bold' }] }] }] });
		expect(translationState(doc, translationUnit(doc, 'summary')!, 'sv').kind).toBe('current');
		writeRichText(summary, paragraph('Suunnittele tuotteita korjaamiseen.'));
		expect(translationState(doc, translationUnit(doc, 'summary')!, 'sv')).toMatchObject({ kind: 'sourceChanged', now: 'Suunnittele tuotteita korjaamiseen.' });
	});

	it('counts untranslated fields and leaves out fields empty in both languages', () => {
		const doc = specToDoc(multilingualSpec());
		const before = translationProgress(doc, 'sv');
		replaceText(getText(doc, 'gradingScheme', 'sv'), '');
		expect(translationState(doc, translationUnit(doc, 'gradingScheme')!, 'sv')).toEqual({ kind: 'untranslated' });
		const id = addOutcome(doc, { fi: 'Osaa laskea hiilijalanjäljen.' });
		expect(translationState(doc, translationUnit(doc, 'outcomeText', id)!, 'sv')).toEqual({ kind: 'untranslated' });
		addOutcome(doc, {});
		expect(translationProgress(doc, 'sv')).toEqual({
			lang: 'sv',
			total: before.total + 1,
			translated: before.translated - 1,
			sourceChanged: 0
		});
	});

	it('a translation without any recorded basis counts as current: there is nothing to compare it with', () => {
		const doc = specToDoc(multilingualSpec());
		translationBasisMap(doc).clear();
		replaceText(getText(doc, 'title', 'fi'), 'Uusi otsikko');
		expect(translationState(doc, translationUnit(doc, 'title')!, 'sv').kind).toBe('current');
	});

	it('a basis against another source language says nothing once the primary language changed', () => {
		const doc = specToDoc(multilingualSpec());
		replaceText(getText(doc, 'title', 'fi'), 'Uusi otsikko');
		doc.getMap('meta').set('languages', ['en', 'fi', 'sv']);
		expect(translationState(doc, translationUnit(doc, 'title')!, 'sv').kind).toBe('current');
	});
});

describe('recording the basis when a translation is edited', () => {
	it('an own edit of a translation records the source it now matches; the source edit itself does not', () => {
		const doc = specToDoc(multilingualSpec());
		const stop = recordBasisOnEdit(doc);
		const title = translationUnit(doc, 'title')!;
		replaceText(getText(doc, 'title', 'fi'), 'Kiertotalous pk-yrityksille');
		expect(translationState(doc, title, 'sv').kind).toBe('sourceChanged');
		replaceText(getText(doc, 'title', 'sv'), 'Cirkulär ekonomi för små företag');
		expect(translationState(doc, title, 'sv')).toEqual({ kind: 'current' });
		// The English one was not touched and still waits.
		expect(translationState(doc, title, 'en').kind).toBe('sourceChanged');
		stop();
	});

	it('also for rich text and list items', () => {
		recordBasisOfItems(specToDoc(multilingualSpec()))();
	});

	it("another peer's edit of a translation reaches this one with its basis and is not recorded again", () => {
		const a = specToDoc(multilingualSpec());
		const b = new Y.Doc();
		syncInto(a, b);
		const stopA = recordBasisOnEdit(a);
		const stopB = recordBasisOnEdit(b);
		replaceText(getText(a, 'prerequisites', 'fi'), 'Tuotekehityksen ja materiaalien perustiedot.');
		syncInto(a, b);
		const unitB = translationUnit(b, 'prerequisites')!;
		expect(translationState(b, unitB, 'sv').kind).toBe('sourceChanged');
		replaceText(getText(b, 'prerequisites', 'sv'), 'Grundläggande kunskaper i produktutveckling och material.');
		syncInto(b, a);
		expect(translationState(a, translationUnit(a, 'prerequisites')!, 'sv')).toEqual({ kind: 'current' });
		expect(translationBasisMap(a).toJSON()).toEqual(translationBasisMap(b).toJSON());
		stopA();
		stopB();
	});
});

/** Edits an outcome's and a module description's Swedish text and checks both get a basis. */
function recordBasisOfItems(doc: Y.Doc) {
	const stop = recordBasisOnEdit(doc);
	const [apply] = FIXTURE_IDS.outcomes;
	const [principles] = FIXTURE_IDS.modules;
	replaceText(getText(doc, 'outcomeText', 'fi', apply)!, 'Osaa soveltaa kiertotalouden periaatteita.');
	writeRichText(getRichText(doc, 'moduleDescription', 'fi', principles)!, paragraph('Uusi kuvaus.'));
	const outcome = translationUnit(doc, 'outcomeText', apply)!;
	const description = translationUnit(doc, 'moduleDescription', principles)!;
	expect(translationState(doc, outcome, 'sv').kind).toBe('sourceChanged');
	// The fixture's module descriptions have no Swedish text yet.
	expect(translationState(doc, description, 'sv').kind).toBe('untranslated');
	getText(doc, 'outcomeText', 'sv', apply)!.insert(0, 'Studenten ');
	writeRichText(getRichText(doc, 'moduleDescription', 'sv', principles)!, paragraph('Ny beskrivning.'));
	expect(translationState(doc, outcome, 'sv')).toEqual({ kind: 'current' });
	expect(translationState(doc, description, 'sv')).toEqual({ kind: 'current' });
	return stop;
}

describe('the basis and the spec JSON', () => {
	it('is not part of the spec: docToSpec reads the same before and after a confirm', () => {
		const doc = specToDoc(multilingualSpec());
		replaceText(getText(doc, 'title', 'fi'), 'Uusi otsikko');
		const before = JSON.stringify(docToSpec(doc));
		recordBasis(doc, translationUnit(doc, 'title')!, 'sv');
		expect(JSON.stringify(docToSpec(doc))).toBe(before);
		expect(Object.keys(docToSpec(doc))).not.toContain('translationBasis');
	});

	it('restoring a spec takes its source as the basis of the translations it changes and keeps the others', () => {
		const doc = specToDoc(multilingualSpec());
		const older = multilingualSpec();
		older.title = { fi: 'Vanha otsikko', sv: 'Gammal titel', en: 'Circular Product Design' };
		applySpec(doc, older);
		const title = translationUnit(doc, 'title')!;
		// Swedish came back together with its source: current. English did not change: its source did.
		expect(translationState(doc, title, 'sv')).toEqual({ kind: 'current' });
		expect(translationState(doc, title, 'en')).toEqual({
			kind: 'sourceChanged',
			then: 'Kiertotalouden tuotesuunnittelu',
			now: 'Vanha otsikko'
		});
		expect(docToSpec(doc)).toEqual(older);
	});
});
