/**
 * Published courses for everyone: reading published versions (never drafts or the live document),
 * presenting them as a public course description, the page's metadata (schema.org JSON-LD) and lists
 * for the sitemap.
 * @module
 */
export { listPublishedCourses, listPublishedVersions, readPublishedVersion, type PublishedCourseVersion, type PublishedVersion, type VersionSummary } from './published';
export { presentPublicSpec, type PublicEntry, type PublicItem, type PublicSpec } from './present';
export { loadCoursePage, type CoursePage } from './page';
export { courseJsonLd, scriptJson } from './json-ld';
export { coursePdf } from './pdf';
