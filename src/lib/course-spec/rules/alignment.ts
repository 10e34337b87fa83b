import type { CourseSpec, LangString } from '../types';
import { ASSESSMENT_TYPES, findConcept, labelIn } from '../vocabularies';
import { ITEM_LABEL_PREFIX } from '../fields';
import { primaryLanguage } from './field-values';

// The outcome × module × assessment matrix: which modules teach and which assessments show each
// outcome. Rows follow the outcome order, columns the module order then the assessment order.

export interface AlignmentColumn {
	kind: 'module' | 'assessment';
	id: string;
	/** Title in the primary language, else any language, else the assessment type, else "Module 2". */
	label: string;
}

export interface AlignmentRow {
	outcomeId: string;
	label: string;
	/** One per column: true when the module or assessment is linked to this outcome. */
	cells: boolean[];
	moduleCount: number;
	assessmentCount: number;
}

export interface AlignmentMatrix {
	columns: AlignmentColumn[];
	rows: AlignmentRow[];
}

function pickLabel(text: LangString, lang: string): string {
	return (text[lang] ?? Object.values(text).find((t) => t.trim() !== '') ?? '').trim();
}

function assessmentTypeLabel(uri: string | null): string {
	const concept = findConcept(ASSESSMENT_TYPES, uri);
	return concept ? labelIn(concept.label) : '';
}

export function alignmentMatrix(spec: CourseSpec): AlignmentMatrix {
	const lang = primaryLanguage(spec);
	const columns: AlignmentColumn[] = [
		...spec.modules.map((m, i) => ({
			kind: 'module' as const,
			id: m.id,
			label: pickLabel(m.title, lang) || `${ITEM_LABEL_PREFIX.modules}${i + 1}`
		})),
		...spec.assessments.map((a, i) => ({
			kind: 'assessment' as const,
			id: a.id,
			label: pickLabel(a.title, lang) || assessmentTypeLabel(a.type) || `${ITEM_LABEL_PREFIX.assessments}${i + 1}`
		}))
	];
	const links = [...spec.modules, ...spec.assessments].map((item) => new Set(item.outcomeIds));
	const rows = spec.learningOutcomes.map((outcome, i): AlignmentRow => {
		const cells = links.map((linked) => linked.has(outcome.id));
		const moduleCount = cells.slice(0, spec.modules.length).filter(Boolean).length;
		return {
			outcomeId: outcome.id,
			label: pickLabel(outcome.text, lang) || `Outcome ${i + 1}`,
			cells,
			moduleCount,
			assessmentCount: cells.filter(Boolean).length - moduleCount
		};
	});
	return { columns, rows };
}
