import { fieldAnchor, fieldForIssuePath, type FieldKey } from '$lib/course-spec/fields';
import { checkCompleteness } from '$lib/course-spec/rules/completeness';
import { parseSpec } from '$lib/course-spec/schema';
import type { CourseSpec } from '$lib/course-spec/types';

/** Something that keeps a spec from being published, with the field to go to. */
export interface PublishingProblem {
	/** `missing`: an EU mandatory element is not filled in; `invalid`: a value the spec schema refuses. */
	kind: 'missing' | 'invalid';
	/** What is wrong, e.g. "Learning outcomes" or "ECTS credits". */
	label: string;
	/** What to do about it. */
	message: string;
	/** The editor anchor of the field or list (see fieldAnchor), when there is one. */
	anchor: string | null;
}

export type PublishingCheck = { ok: true; spec: CourseSpec } | { ok: false; problems: PublishingProblem[] };

/**
 * What a spec must pass to be submitted, and again to be published: the spec schema, then every EU
 * mandatory element. The one place publishing asks "may this go out?" (a later step adds: its exports
 * must validate), so submitting and publishing can never disagree.
 */
export function validateForPublishing(input: unknown): PublishingCheck {
	const parsed = parseSpec(input);
	if (!parsed.ok) {
		return {
			ok: false,
			problems: parsed.issues.map((issue) => {
				const found = fieldForIssuePath(issue.path);
				return {
					kind: 'invalid' as const,
					label: found?.field.label ?? (issue.path || 'Specification'),
					message: issue.message,
					anchor: found ? fieldAnchor(found.field.list ?? found.field.key) : null
				};
			})
		};
	}
	const missing = checkCompleteness(parsed.spec).items.filter((item) => !item.done);
	if (missing.length > 0) {
		return {
			ok: false,
			problems: missing.map((item) => ({
				kind: 'missing' as const,
				label: item.label,
				message: item.hint,
				anchor: fieldAnchor(item.fieldKey as FieldKey)
			}))
		};
	}
	return { ok: true, spec: parsed.spec };
}
