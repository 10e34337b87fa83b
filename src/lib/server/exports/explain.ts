import { EU_ELEMENTS, getField, type CourseSpec, type FieldKey, type ListName } from '$lib/course-spec';
import type { FieldRef, Violation } from './validation-types';

// What a coordinator reads when an export fails: which field to fix, in words, next to the rule that
// failed. Missing values get the field's own hint; anything else quotes the validator's message.

export interface Explanation {
	rule: string;
	/** The field to fix; null when it is not in the spec (provider profile, a validator limit). */
	field: FieldRef | null;
	/** "Learning outcomes", "Module 2 › Module title", "Provider profile". */
	where: string;
	message: string;
}

const MISSING_RULES = /(MinCount|required|jsonld:null)/;

const MISSING_HINTS: Partial<Record<FieldKey, string>> = {
	learningOutcomes: 'at least one outcome needs text',
	outcomeText: 'this outcome needs text',
	awardingBodyCountry: 'Awarding body country missing: choose the country',
	awardingBodyName: 'name the awarding body',
	fieldOfStudy: 'choose the ISCED-F field of study (ELM requires one)',
	nqfLevel: 'state the national level as the QDR register names it, e.g. "FiNQF Level 6"',
	eqfLevel: 'choose the EQF level',
	languages: 'choose a language of instruction',
	moduleTitle: 'give the module a title',
	assessmentTitle: 'give the assessment a title or choose its type',
	assessmentType: 'choose the type of assessment',
	title: 'give the course a title',
	summary: 'write a summary'
};

const ITEM_PREFIX: Record<ListName, string> = { learningOutcomes: 'LO', modules: 'Module ', assessments: 'Assessment ' };

function whereOf(field: FieldRef, spec?: CourseSpec): string {
	const meta = getField(field.key);
	if (!field.itemId || !meta.list) return meta.label;
	const index = spec?.[meta.list].findIndex((item) => item.id === field.itemId) ?? -1;
	if (index < 0) return `${meta.label} (item ${field.itemId})`;
	const item = `${ITEM_PREFIX[meta.list]}${index + 1}`;
	return meta.list === 'learningOutcomes' ? item : `${item} › ${meta.label}`;
}

export function explainViolations(violations: Violation[], spec?: CourseSpec): Explanation[] {
	return violations.map((violation) => {
		const field = violation.field ?? null;
		if (!field) {
			const provider = /provider|issuer/.test(violation.focusNode ?? '');
			return { rule: violation.rule, field: null, where: provider ? 'Provider profile' : 'Export', message: violation.message };
		}
		const meta = getField(field.key);
		const missing = MISSING_RULES.test(violation.rule);
		const hint = MISSING_HINTS[field.key] ?? (meta.euElement ? EU_ELEMENTS[meta.euElement].hint : undefined);
		const message = missing && hint ? sentence(hint) : violation.message;
		return { rule: violation.rule, field, where: whereOf(field, spec), message };
	});
}

const sentence = (text: string) => `${text[0].toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
