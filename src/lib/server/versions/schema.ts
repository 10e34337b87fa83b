import * as v from 'valibot';
import { plainText } from '../form-text';
import { m } from '$lib/paraglide/messages';

export const VERSION_NAME_MAX = 120;

export const versionName = v.pipe(
	v.string(() => m.history_name_required()),
	v.trim(),
	plainText(),
	v.nonEmpty(() => m.history_name_required_example()),
	v.maxLength(VERSION_NAME_MAX, () => m.history_name_too_long({ max: VERSION_NAME_MAX }))
);

export const saveVersionSchema = v.object({ name: versionName });

/** A version number as a form sends it: a positive whole number. */
export const versionNumber = v.pipe(
	v.string(() => m.history_choose_version()),
	v.trim(),
	v.regex(/^[1-9]\d{0,8}$/, () => m.history_choose_version()),
	v.transform(Number)
);

export const restoreVersionSchema = v.object({ number: versionNumber });

/** One side of a comparison as the compare form sends it: a version number or "current". */
const comparedSide = v.union([v.literal('current'), versionNumber], () => m.history_choose_version_or_current());

export const compareSchema = v.object({ from: comparedSide, to: comparedSide });
