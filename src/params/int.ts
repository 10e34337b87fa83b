import type { ParamMatcher } from '@sveltejs/kit';

/** Positive whole numbers without leading zeros (e.g. version numbers), small enough for an int column. */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,8}$/.test(param);
