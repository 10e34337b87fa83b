/**
 * The credential exports as the product serves them: every published version's OB 3.0 and ELM files
 * and badge at stable URLs (built from the frozen spec, cached by content hash), the badge an owner
 * uploads, and the publish gate that validates every export before a version goes out.
 * The documents themselves are built and validated by `../exports`.
 * @module
 */
export { CREDENTIAL_FORMATS, FORMAT_SEGMENTS, formatDescription, formatOfSegment, type CredentialFormat } from './formats';
export { versionUrls, type VersionUrls } from './urls';
export { exportFile, badgeFile, clearExportCache, type ServedFile, type FileResult } from './files';
export { checkExports, type ExportProblem } from './gate';
export { currentProvider, exportInputOf, pathwaysOf, type ExportSource, type FrozenProvider } from './input';
export { readExportSource, type PublishedExportSource } from './published';
export { courseBadgeStatus, previewCourseBadge, uploadCourseBadge, useGeneratedBadge, type CourseBadgeStatus } from './badges';
export { BADGE_UPLOAD_MAX_BYTES, checkBadgeUpload } from './badge-upload';
export { versionDownloads, type VersionDownloads } from './downloads';
