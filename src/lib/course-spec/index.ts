/**
 * The course spec, defined once for browser and server: its JSON types, validation, the EU
 * vocabularies, the form's field list, the live Yjs layout with conversions and edits, and the
 * derived checks (completeness, quality rules, alignment).
 *
 * Typical flows:
 * - new course: `specToDoc(emptySpec(profileDefaults))` on the server, stored as the first update;
 * - editor: `getText`/`getRichText` to bind inputs, the mutation helpers for everything else,
 *   `docToSpec(doc)` on each change to feed `checkCompleteness`, `checkQuality`, `alignmentMatrix`;
 * - publish: `parseSpec(docToSpec(doc))`, then store the JSON; render with `richTextToHtml`.
 *
 * @module
 */

export type * from './types';
export { EQF_NOT_APPLICABLE } from './types';

/** Vocabularies: EU concept lists for every controlled field. */
export * from './vocabularies';
export { iscedLevel, type IscedLevel } from './isced-f';

/** Validation: `parseSpec(input)` → `{ ok: true, spec }` or `{ ok: false, issues: [{ path, message }] }`. */
export { courseSpecSchema, parseSpec, type ParseSpecResult, type SpecIssue } from './schema';
export { emptySpec, type ProviderDefaults } from './empty-spec';
export { LIMITS } from './limits';
export { newItemId } from './ids';

/** Field metadata for the form and for linking findings to inputs. */
export {
	FIELDS,
	fieldAnchor,
	fieldForIssuePath,
	getField,
	type FieldKey,
	type FieldKind,
	type FieldMeta,
	type FieldOption,
	type Section
} from './fields';
export { EU_ELEMENTS, type EuElementCode } from './eu-elements';

/** Yjs layout: the shared-type names and the value types of `meta`. */
export {
	ITEM_FIELDS,
	LIST_NAMES,
	META,
	RICH_TEXT_FIELDS,
	TEXT_FIELDS,
	TOPICS,
	replaceText,
	type ItemFieldKey,
	type ItemRichTextFieldKey,
	type ItemTextFieldKey,
	type ItemValueFieldKey,
	type MetaKey,
	type MetaValues,
	type RichTextFieldKey,
	type TextFieldKey
} from './layout';

/** Conversions between the live document and the spec JSON. */
export { docToSpec, specToDoc } from './doc';

/** Edits: each one transaction. */
export {
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

/** Rich text out of the editor: plain text, sanitised HTML, emptiness. */
export {
	RICH_TEXT_MARKS,
	RICH_TEXT_NODES,
	isRichTextEmpty,
	richTextToHtml,
	richTextToPlain,
	safeHref
} from './rich-text';

/** Derived checks. */
export { checkCompleteness, type Completeness, type CompletenessItem } from './rules/completeness';
export {
	checkQuality,
	ECTS_SCOPE,
	QUALITY_RULES,
	WORKLOAD_TOLERANCE,
	type QualityIssue,
	type QualityOptions,
	type QualityRuleCode,
	type Severity
} from './rules/quality';
export { classifyOutcomeVerb, type VerbVerdict } from './rules/outcome-verbs';
export { alignmentMatrix, type AlignmentColumn, type AlignmentMatrix, type AlignmentRow } from './rules/alignment';
export { primaryLanguage } from './rules/field-values';
