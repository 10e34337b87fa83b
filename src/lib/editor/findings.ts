import { fieldAnchor, type FieldKey } from '$lib/course-spec/fields';
import type { QualityIssue } from '$lib/course-spec/rules/quality';
import type { LangCode } from '$lib/course-spec/types';

/**
 * The findings about one field, or about one item's field when itemId is given: those about its
 * primary text, or with `lang` those about its translation into that language.
 */
export function findingsFor(issues: readonly QualityIssue[], fieldKey: FieldKey, itemId?: string, lang?: LangCode): QualityIssue[] {
	return issues.filter((issue) => issue.fieldKey === fieldKey && issue.itemId === itemId && issue.lang === lang);
}

/** The DOM id of a finding's note next to its field, for aria-describedby. */
export const findingId = (issue: QualityIssue) =>
	`finding-${issue.code}-${fieldAnchor(issue.fieldKey, issue.itemId)}${issue.lang ? `-${issue.lang}` : ''}`;
