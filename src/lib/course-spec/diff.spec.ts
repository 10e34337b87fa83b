import { describe, expect, it } from 'vitest';
import { diffSpecs, type FieldDiff, type ItemDiff, type SpecDiff } from './diff';
import { SECTIONS, sectionFields } from './fields';
import { FIXTURE_IDS, fullSpec } from './fixtures';
import type { CourseSpec } from './types';

const [APPLY, COMPARE, PITCH] = FIXTURE_IDS.outcomes;
const [PRINCIPLES, MATERIALS, REDESIGN] = FIXTURE_IDS.modules;

const field = (diff: SpecDiff, key: string): FieldDiff => diff.sections.flatMap((s) => s.fields).find((f) => f.key === key)!;
const changedKeys = (diff: SpecDiff) =>
	diff.sections.flatMap((s) => s.fields).filter((f) => f.status === 'changed').map((f) => f.key);
const items = (diff: SpecDiff, key: string): ItemDiff[] => {
	const change = field(diff, key).change;
	return change.kind === 'list' ? change.items : [];
};
const itemField = (item: ItemDiff, key: string) => item.fields.find((f) => f.key === key)!;

function changed(edit: (spec: CourseSpec) => void): SpecDiff {
	const after = fullSpec();
	edit(after);
	return diffSpecs(fullSpec(), after);
}

describe('diffSpecs', () => {
	it('finds no change between identical specs, whatever the key order', () => {
		const reordered = JSON.parse(
			JSON.stringify(fullSpec(), (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v))
		);
		for (const diff of [diffSpecs(fullSpec(), fullSpec()), diffSpecs(fullSpec(), reordered)]) {
			expect(diff.changes).toBe(0);
			expect(changedKeys(diff)).toEqual([]);
			for (const key of ['learningOutcomes', 'modules', 'assessments']) {
				expect(items(diff, key).every((i) => i.status === 'unchanged' && !i.moved)).toBe(true);
			}
		}
	});

	it('follows the editor’s sections, field order and labels', () => {
		const diff = diffSpecs(fullSpec(), fullSpec());
		expect(diff.sections.map((s) => [s.key, s.title])).toEqual(SECTIONS.map((s) => [s.key, s.title]));
		for (const section of diff.sections) {
			expect(section.fields.map((f) => [f.key, f.label])).toEqual(sectionFields(section.key).map((f) => [f.key, f.label]));
		}
		expect(itemField(items(diff, 'modules')[0], 'moduleHours').label).toBe('Hours');
	});

	it('shows scalars as readable values, before and after', () => {
		const diff = changed((spec) => {
			spec.ectsCredits = 4;
			spec.eqfLevel = 5;
			spec.code = 'CPD-102';
			spec.awardingBody.website = null;
		});
		expect(changedKeys(diff)).toEqual(['code', 'eqfLevel', 'ectsCredits', 'awardingBodyWebsite']);
		expect(diff.changes).toBe(4);
		expect(field(diff, 'ectsCredits').change).toEqual({ kind: 'value', before: '3 ECTS', after: '4 ECTS' });
		expect(field(diff, 'eqfLevel').change).toMatchObject({ kind: 'value', before: expect.stringMatching(/6/), after: expect.stringMatching(/5/) });
		expect(field(diff, 'awardingBodyWebsite').change).toEqual({ kind: 'value', before: 'https://www.example.fi', after: null });
		expect(field(diff, 'code').change).toEqual({
			kind: 'plain',
			segments: [
				{ op: 'equal', text: 'CPD-' },
				{ op: 'delete', text: '101' },
				{ op: 'insert', text: '102' }
			]
		});
	});

	it('gives word-level insertions and deletions per language', () => {
		const diff = changed((spec) => {
			spec.title.en = 'Circular Product Design (pilot)';
			spec.title.sv = 'Cirkulär produktdesign';
			spec.gradingScheme.fi = 'Hyväksytty tai hylätty';
			delete spec.gradingScheme.en;
		});
		expect(field(diff, 'title').change).toEqual({
			kind: 'text',
			languages: [
				{ lang: 'en', status: 'changed', segments: [{ op: 'equal', text: 'Circular Product Design' }, { op: 'insert', text: ' (pilot)' }] },
				{ lang: 'fi', status: 'unchanged', segments: [{ op: 'equal', text: 'Kiertotalouden tuotesuunnittelu' }] },
				{ lang: 'sv', status: 'added', segments: [{ op: 'insert', text: 'Cirkulär produktdesign' }] }
			]
		});
		const grading = field(diff, 'gradingScheme').change;
		expect(grading.kind === 'text' && grading.languages).toEqual([
			{ lang: 'en', status: 'removed', segments: [{ op: 'delete', text: 'Pass/fail' }] },
			{
				lang: 'fi',
				status: 'changed',
				segments: [
					{ op: 'equal', text: 'Hyväksytty' },
					{ op: 'delete', text: '/' },
					{ op: 'insert', text: ' tai ' },
					{ op: 'equal', text: 'hylätty' }
				]
			}
		]);
	});

	it('compares rich text on its text, block by block', () => {
		const diff = changed((spec) => {
			const content = spec.summary.en.content!;
			content[0] = { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Why take this course' }] };
			content.splice(2, 1); // the bullet list
			content.push({ type: 'paragraph', content: [{ type: 'text', text: 'New closing line.' }] });
		});
		const summary = field(diff, 'summary').change;
		if (summary.kind !== 'richText') throw new Error('expected rich text');
		const en = summary.languages.find((l) => l.lang === 'en')!;
		expect(en.status).toBe('changed');
		expect(en.blocks.map((b) => [b.kind, b.marker ?? '', b.status])).toEqual([
			['heading', '', 'changed'],
			['paragraph', '', 'unchanged'],
			['listItem', '•', 'removed'],
			['listItem', '•', 'removed'],
			['quote', '', 'unchanged'],
			['paragraph', '', 'added']
		]);
		expect(en.blocks[0].segments).toEqual([
			{ op: 'equal', text: 'Why ' },
			{ op: 'insert', text: 'take ' },
			{ op: 'equal', text: 'this course' }
		]);
		expect(summary.languages.find((l) => l.lang === 'fi')!.status).toBe('unchanged');
	});

	it('notices a change of formatting alone', () => {
		const diff = changed((spec) => {
			const paragraph = spec.summary.en.content![1];
			if (paragraph.type === 'paragraph') delete (paragraph.content![1] as { marks?: unknown }).marks;
		});
		const summary = field(diff, 'summary');
		expect(summary.status).toBe('changed');
		expect(summary.change.kind === 'richText' && summary.change.languages[0]).toMatchObject({ status: 'changed', formattingOnly: true });
	});

	it('matches items by id: added, removed, changed and moved', () => {
		const diff = changed((spec) => {
			const [apply, compare, pitch] = spec.learningOutcomes;
			compare.text.en = 'The learner can compare materials and suppliers by their life-cycle impact.';
			spec.learningOutcomes = [pitch, apply, compare, { id: 'outcomenewer', text: { en: 'Estimate recycled content.' } }];
			spec.modules = spec.modules.filter((m) => m.id !== MATERIALS);
			spec.modules[1].hours = 30;
		});
		const outcomes = items(diff, 'learningOutcomes');
		expect(outcomes.map((i) => [i.id, i.status, i.moved, i.labelBefore, i.labelAfter])).toEqual([
			[PITCH, 'unchanged', true, 'LO3', 'LO1'],
			[APPLY, 'unchanged', false, 'LO1', 'LO2'],
			[COMPARE, 'changed', false, 'LO2', 'LO3'],
			['outcomenewer', 'added', false, null, 'LO4']
		]);
		expect(itemField(outcomes[2], 'outcomeText').change).toMatchObject({
			kind: 'text',
			languages: [{ lang: 'en', status: 'changed', segments: expect.arrayContaining([{ op: 'insert', text: 'and suppliers ' }]) }]
		});
		expect(itemField(outcomes[3], 'outcomeText').change).toMatchObject({
			languages: [{ lang: 'en', status: 'added', segments: [{ op: 'insert', text: 'Estimate recycled content.' }] }]
		});

		const modules = items(diff, 'modules');
		expect(modules.map((i) => [i.id, i.status, i.labelBefore, i.labelAfter, i.title])).toEqual([
			[PRINCIPLES, 'unchanged', 'Module 1', 'Module 1', 'Principles'],
			[MATERIALS, 'removed', 'Module 2', null, 'Materials and LCA'],
			[REDESIGN, 'changed', 'Module 3', 'Module 2', 'Redesign studio']
		]);
		expect(itemField(modules[2], 'moduleHours').change).toEqual({ kind: 'value', before: '27 h', after: '30 h' });
		// Moving one outcome, adding one, changing one; removing a module and changing another.
		expect(diff.changes).toBe(5);
	});

	it('compares outcome links and tags as sets, with the outcomes’ labels', () => {
		const diff = changed((spec) => {
			spec.modules[2].outcomeIds = [COMPARE, APPLY]; // was [apply, pitch]
			spec.assessments[0].outcomeIds = [PITCH, APPLY]; // same set, other order
			spec.topics = ['LCA', 'circular economy', 'repair'];
		});
		const redesign = items(diff, 'modules').find((i) => i.id === REDESIGN)!;
		expect(itemField(redesign, 'moduleOutcomes')).toMatchObject({
			status: 'changed',
			change: {
				kind: 'set',
				entries: [
					{ value: COMPARE, label: 'LO2', status: 'added' },
					{ value: APPLY, label: 'LO1', status: 'unchanged' },
					{ value: PITCH, label: 'LO3', status: 'removed' }
				]
			}
		});
		expect(items(diff, 'assessments')[0].status).toBe('unchanged');
		expect(field(diff, 'topics').change).toEqual({
			kind: 'set',
			reordered: false,
			entries: [
				{ value: 'LCA', label: 'LCA', status: 'unchanged' },
				{ value: 'circular economy', label: 'circular economy', status: 'unchanged' },
				{ value: 'repair', label: 'repair', status: 'added' },
				{ value: 'product design', label: 'product design', status: 'removed' }
			]
		});
	});

	it('treats the order of languages as a change: the first is the primary one', () => {
		const diff = changed((spec) => {
			spec.languages = ['fi', 'en'];
		});
		expect(field(diff, 'languages')).toMatchObject({
			status: 'changed',
			change: { kind: 'set', reordered: true, entries: [{ label: 'Finnish', status: 'unchanged' }, { label: 'English', status: 'unchanged' }] }
		});
		// Texts are then listed with the new primary language first.
		const title = field(diff, 'title').change;
		expect(title.kind === 'text' && title.languages.map((l) => l.lang)).toEqual(['fi', 'en']);
	});
});
