import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToSpec, specToDoc } from './doc';
import { emptySpec } from './empty-spec';
import { FIXTURE_IDS, fullSpec, minimalSpec } from './fixtures';
import { listArray, metaMap, replaceText, textMap } from './layout';
import {
	addAssessment,
	addLanguage,
	addModule,
	addOutcome,
	addTopic,
	deleteItem,
	getRichText,
	getText,
	moveItem,
	removeTopic,
	setItemValue,
	setMeta,
	toggleOutcomeLink
} from './mutations';
import { parseSpec } from './schema';

const ids = (doc: Y.Doc, list: 'learningOutcomes' | 'modules' | 'assessments') => docToSpec(doc)[list].map((i) => i.id);

describe('docToSpec(specToDoc(spec))', () => {
	it.each([
		['full', fullSpec],
		['minimal', minimalSpec],
		['empty', () => emptySpec()]
	])('gives back the %s fixture', (_, make) => {
		expect(docToSpec(specToDoc(make()))).toEqual(make());
	});

	it('survives encoding the document as a Yjs update', () => {
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(specToDoc(fullSpec())));
		expect(docToSpec(copy)).toEqual(fullSpec());
	});

	it('replaces the content of an existing document in one transaction', () => {
		const doc = specToDoc(fullSpec());
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		specToDoc(minimalSpec(), doc);
		expect(transactions).toBe(1);
		expect(docToSpec(doc)).toEqual(minimalSpec());
	});

	it('creates empty texts for every course language up front', () => {
		const doc = specToDoc(fullSpec());
		expect(textMap(doc, 'prerequisites').get('fi')?.toString()).toBe('');
		const outcome = listArray(doc, 'learningOutcomes').get(1);
		expect((outcome.get('text') as Y.Map<Y.Text>).has('fi')).toBe(true);
	});

	it('turns odd values a peer may have written into "not set" and drops dangling links', () => {
		const doc = specToDoc(fullSpec());
		doc.transact(() => {
			metaMap(doc).set('ectsCredits', 'three');
			metaMap(doc).set('eqfLevel', 9);
			metaMap(doc).set('languages', ['en', 7, 'en']);
			(listArray(doc, 'modules').get(0).get('outcomeIds') as Y.Array<string>).push(['gone']);
			listArray(doc, 'learningOutcomes').push([new Y.Map()]);
		});
		const spec = docToSpec(doc);
		expect(spec.ectsCredits).toBeNull();
		expect(spec.eqfLevel).toBeNull();
		expect(spec.languages).toEqual(['en']);
		expect(spec.modules[0].outcomeIds).toEqual([FIXTURE_IDS.outcomes[0]]);
		expect(spec.learningOutcomes).toHaveLength(3);
		expect(parseSpec({ ...spec, ectsCredits: 3 }).ok).toBe(true);
	});
});

describe('mutation helpers', () => {
	it('add, move and delete list items by id', () => {
		const doc = specToDoc(minimalSpec());
		const second = addOutcome(doc, { en: 'Explain the second thing.' });
		const first = addOutcome(doc, { en: 'Name the first thing.' }, 0);
		expect(first).toMatch(/^[a-z2-7]{12}$/);
		expect(ids(doc, 'learningOutcomes')).toEqual([first, 'minoutcome01', second]);

		moveItem(doc, 'learningOutcomes', first, 2);
		expect(ids(doc, 'learningOutcomes')).toEqual(['minoutcome01', second, first]);
		expect(docToSpec(doc).learningOutcomes[2].text).toEqual({ en: 'Name the first thing.' });
		moveItem(doc, 'learningOutcomes', first, -5);
		expect(ids(doc, 'learningOutcomes')).toEqual([first, 'minoutcome01', second]);

		deleteItem(doc, 'learningOutcomes', 'minoutcome01');
		expect(ids(doc, 'learningOutcomes')).toEqual([first, second]);
		expect(docToSpec(doc).assessments[0].outcomeIds).toEqual([]);
		expect((listArray(doc, 'assessments').get(0).get('outcomeIds') as Y.Array<string>).length).toBe(0);
	});

	it('moves keep rich text, links and scalars of the item', () => {
		const doc = specToDoc(fullSpec());
		const before = docToSpec(doc).modules;
		moveItem(doc, 'modules', FIXTURE_IDS.modules[2], 0);
		expect(docToSpec(doc).modules).toEqual([before[2], before[0], before[1]]);
	});

	it('builds modules and assessments and links outcomes', () => {
		const doc = specToDoc(minimalSpec());
		const moduleId = addModule(doc, { title: { en: 'Basics' }, hours: 10 });
		const assessmentId = addAssessment(doc, { type: 'http://data.europa.eu/snb/assessment/b1b68f6735' });
		toggleOutcomeLink(doc, 'modules', moduleId, 'minoutcome01');
		toggleOutcomeLink(doc, 'assessments', assessmentId, 'minoutcome01');
		toggleOutcomeLink(doc, 'assessments', assessmentId, 'minoutcome01');
		setItemValue(doc, 'moduleActivityType', moduleId, 'http://data.europa.eu/snb/learning-activity/ff436ea7c9');
		setItemValue(doc, 'moduleHours', moduleId, 12);
		const spec = docToSpec(doc);
		expect(spec.modules).toEqual([
			{ id: moduleId, title: { en: 'Basics' }, description: {}, hours: 12, activityType: 'http://data.europa.eu/snb/learning-activity/ff436ea7c9', outcomeIds: ['minoutcome01'] }
		]);
		expect(spec.assessments[1]).toEqual({ id: assessmentId, title: {}, type: 'http://data.europa.eu/snb/assessment/b1b68f6735', description: {}, outcomeIds: [] });
	});

	it('binds texts and fragments by field key, language and item', () => {
		const doc = specToDoc(fullSpec());
		getText(doc, 'title', 'sv').insert(0, 'Cirkulär produktdesign');
		getText(doc, 'outcomeText', 'en', FIXTURE_IDS.outcomes[1])?.insert(0, 'Now: ');
		expect(getText(doc, 'outcomeText', 'en', 'nosuchitem')).toBeNull();
		const fragment = getRichText(doc, 'assessmentDescription', 'fi', FIXTURE_IDS.assessments[1]);
		fragment?.insert(0, [new Y.XmlElement('paragraph')]);
		(fragment?.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Tietovisa')]);
		const spec = docToSpec(doc);
		expect(spec.title.sv).toBe('Cirkulär produktdesign');
		expect(spec.learningOutcomes[1].text.en).toBe('Now: The learner can compare materials by their life-cycle impact.');
		expect(spec.assessments[1].description.fi).toEqual({
			type: 'doc',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tietovisa' }] }]
		});
		expect(getRichText(doc, 'summary', 'en').length).toBe(4);
	});

	it('sets scalars, languages and topics', () => {
		const doc = specToDoc(minimalSpec());
		setMeta(doc, 'ectsCredits', 5);
		setMeta(doc, 'code', '');
		addLanguage(doc, 'fi');
		addLanguage(doc, 'fi');
		addTopic(doc, ' design ');
		addTopic(doc, 'design');
		addTopic(doc, 'LCA');
		removeTopic(doc, 'design');
		const spec = docToSpec(doc);
		expect([spec.ectsCredits, spec.code, spec.languages, spec.topics]).toEqual([5, null, ['en', 'fi'], ['LCA']]);
		const outcome = listArray(doc, 'learningOutcomes').get(0);
		expect((outcome.get('text') as Y.Map<Y.Text>).has('fi')).toBe(true);
	});
});

describe('replaceText', () => {
	it('changes only the differing middle, so concurrent typing elsewhere survives', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		a.getText('t').insert(0, 'Compare materials.');
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		replaceText(a.getText('t'), 'Compare two materials.');
		b.getText('t').insert(17, ' by cost');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(a.getText('t').toString()).toBe('Compare two materials by cost.');
		expect(b.getText('t').toString()).toBe(a.getText('t').toString());
	});

	it('never splits a surrogate pair', () => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		text.insert(0, 'Go 😀!');
		replaceText(text, 'Go 😃!');
		expect(text.toString()).toBe('Go 😃!');
	});
});
