/**
 * Credential exports of a published version: Open Badges 3.0 (achievement, unsigned credential
 * template), ELM v3 (learning opportunity for catalogues, EDC credential template) and the spec JSON,
 * each validated against the official schemas and shapes; plus the badge image.
 *
 * - `buildExport(format, input, { lang })` → `{ body, contentType, filename }`, byte-for-byte stable;
 * - `validate(format, document)` → `{ ok, violations, warnings }`; `explainViolations` names the fields;
 * - `badgeSvg(badgeContent(input))`, `badgePng(svg)`, `sanitizeSvg(upload)`.
 *
 * @module
 */
export { EXPORT_FORMATS, type CoAuthor, type ExportFile, type ExportFormat, type ExportInput, type ExportProvider, type ExportUrls, type Pathway } from './types';
export { EXPORT_CONTENT_TYPES, buildDocument, buildExport, exportLanguages, type BuildOptions } from './build';
export { canonicalJson, canonicalJsonDocument } from '$lib/course-spec/canonical-json';
export { validate } from './validate';
export { detectFormat } from './detect';
export { explainViolations, type Explanation } from './explain';
export type { FieldRef, ValidationResult, Violation } from './validation-types';
export { BADGE_SIZE, DEFAULT_BADGE_COLOUR, badgeAlt, badgeContent, badgePng, badgeSvg, type BadgeContent } from './badge-image';
export { sanitizeSvg, type SanitizedSvg } from './svg-sanitize';
