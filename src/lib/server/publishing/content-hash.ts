import { createHash } from 'node:crypto';
import { canonicalJson } from '$lib/course-spec/canonical-json';

/** SHA-256 (hex) of the spec as canonical JSON: the same content always gives the same hash, key order aside. */
export function contentHash(spec: unknown): string {
	return createHash('sha256').update(canonicalJson(spec), 'utf8').digest('hex');
}
