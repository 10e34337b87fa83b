import { describe, expect, it } from 'vitest';
import { emptySpec } from '../empty-spec';
import { FIXTURE_IDS, fullSpec } from '../fixtures';
import { alignmentMatrix } from './alignment';

describe('alignmentMatrix', () => {
	it('crosses outcomes with modules, then assessments', () => {
		const matrix = alignmentMatrix(fullSpec());
		expect(matrix.columns).toEqual([
			{ kind: 'module', id: FIXTURE_IDS.modules[0], label: 'Principles' },
			{ kind: 'module', id: FIXTURE_IDS.modules[1], label: 'Materials and LCA' },
			{ kind: 'module', id: FIXTURE_IDS.modules[2], label: 'Redesign studio' },
			{ kind: 'assessment', id: FIXTURE_IDS.assessments[0], label: 'Redesign project' },
			{ kind: 'assessment', id: FIXTURE_IDS.assessments[1], label: 'Materials quiz' }
		]);
		expect(matrix.rows.map((r) => [r.outcomeId, r.cells, r.moduleCount, r.assessmentCount])).toEqual([
			[FIXTURE_IDS.outcomes[0], [true, false, true, true, false], 2, 1],
			[FIXTURE_IDS.outcomes[1], [false, true, false, false, true], 1, 1],
			[FIXTURE_IDS.outcomes[2], [false, false, true, true, false], 1, 1]
		]);
		expect(matrix.rows[0].label).toBe('Apply circular-design principles to an existing product.');
	});

	it('labels untitled items by another language, the assessment type, or their position', () => {
		const spec = fullSpec();
		spec.languages = ['fi'];
		spec.modules[0].title = {};
		spec.assessments[1].title = {};
		spec.assessments[0].title = {};
		spec.assessments[0].type = null;
		const labels = alignmentMatrix(spec).columns.map((c) => c.label);
		expect(labels).toEqual(['Module 1', 'Materials and LCA', 'Redesign studio', 'Assessment 1', 'quiz']);
		expect(alignmentMatrix(spec).rows[0].label).toBe('Osaa soveltaa kiertotalouden suunnitteluperiaatteita olemassa olevaan tuotteeseen.');
	});

	it('is empty for an empty spec', () => {
		expect(alignmentMatrix(emptySpec())).toEqual({ columns: [], rows: [] });
	});
});
