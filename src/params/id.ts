import type { ParamMatcher } from '@sveltejs/kit';

/** Entity ids: 24 lower-case base32 characters (see src/lib/server/ids.ts). */
export const match: ParamMatcher = (param) => /^[a-z2-7]{24}$/.test(param);
