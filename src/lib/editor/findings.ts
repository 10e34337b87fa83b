import { fieldAnchor, type FieldKey } from '$lib/course-spec/fields';
import type { QualityIssue } from '$lib/course-spec/rules/quality';

/** The findings about one field, or about one item's field when itemId is given. */
export function findingsFor(issues: readonly QualityIssue[], fieldKey: FieldKey, itemId?: string): QualityIssue[] {
	return issues.filter((issue) => issue.fieldKey === fieldKey && issue.itemId === itemId);
}

/** The DOM id of a finding's note next to its field, for aria-describedby. */
export const findingId = (issue: QualityIssue) => `finding-${issue.code}-${fieldAnchor(issue.fieldKey, issue.itemId)}`;
