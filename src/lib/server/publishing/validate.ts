import type { Kysely } from 'kysely';
import { fieldAnchor, fieldForIssuePath, type FieldKey } from '$lib/course-spec/fields';
import { checkCompleteness } from '$lib/course-spec/rules/completeness';
import { parseSpec } from '$lib/course-spec/schema';
import type { CourseSpec } from '$lib/course-spec/types';
import { checkExports, currentProvider, exportInputOf } from '../credential-exports';
import type { Database } from '../db/types';
import { contentHash } from './content-hash';
import { m } from '$lib/paraglide/messages';

/** Something that keeps a spec from being published, with the field to go to. */
export interface PublishingProblem {
	/**
	 * `missing`: an EU mandatory element is not filled in; `invalid`: a value the spec schema refuses;
	 * `export`: a credential export built from it fails its official schema or shapes.
	 */
	kind: 'missing' | 'invalid' | 'export';
	/** What is wrong, e.g. "Learning outcomes" or "ECTS credits". */
	label: string;
	/** What to do about it. */
	message: string;
	/** The editor anchor of the field or list (see fieldAnchor), when there is one. */
	anchor: string | null;
	/** For `export`: the rules that failed and the exports that fail them. */
	rules?: string[];
	exports?: string[];
}

export type PublishingCheck = { ok: true; spec: CourseSpec } | { ok: false; problems: PublishingProblem[] };

/**
 * What a spec must pass to be submitted, and again to be published: the spec schema, then every EU
 * mandatory element. Submitting and publishing ask checkForPublishing, which adds the exports.
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
					label: found?.field.label ?? (issue.path || m.course_tab_specification()),
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

/** The version a spec is about to become: where it will live, so its exports are built as they will be served. */
export interface PublishingTarget {
	courseId: string;
	slug: string;
	number: number;
	origin: string;
}

/**
 * The one place submitting and publishing ask "may this go out?": validateForPublishing, then every
 * credential export built as it will be served and validated against its official schema or shapes.
 */
export async function checkForPublishing(db: Kysely<Database>, input: unknown, target: PublishingTarget): Promise<PublishingCheck> {
	const check = validateForPublishing(input);
	if (!check.ok) return check;
	const { spec } = check;
	const exportInput = await exportInputOf(
		db,
		{ ...target, spec, publishedAt: new Date(0), contentHash: contentHash(spec), provider: await currentProvider(db, spec) },
		target.origin
	);
	const problems = await checkExports(exportInput);
	return problems.length === 0 ? check : { ok: false, problems };
}
