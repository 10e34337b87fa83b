/**
 * The read API (/api/v1) for issuers and catalogues: published specs as JSON with ETags, open CORS
 * for GET, and errors as { error: { code, message } }. Documented by openapi.ts.
 * @module
 */
export { apiError, apiFile, apiJson, matches, methodNotAllowed, preflight, type ApiErrorCode } from './http';
export { getSpecJson, getSpecVersion, listSpecVersions, listSpecs, parseVersionNumber } from './specs';
export { openApiDocument } from './openapi';
