import * as v from 'valibot';
import { plainText } from '../form-text';

export const VERSION_NAME_MAX = 120;

export const versionName = v.pipe(
	v.string('Give the version a name.'),
	v.trim(),
	plainText(),
	v.nonEmpty('Give the version a name, e.g. “Sent to partners for comments”.'),
	v.maxLength(VERSION_NAME_MAX, `Keep the name to ${VERSION_NAME_MAX} characters or fewer.`)
);

export const saveVersionSchema = v.object({ name: versionName });

/** A version number as a form sends it: a positive whole number. */
export const versionNumber = v.pipe(
	v.string('Choose a version.'),
	v.trim(),
	v.regex(/^[1-9]\d{0,8}$/, 'Choose a version.'),
	v.transform(Number)
);

export const restoreVersionSchema = v.object({ number: versionNumber });

/** One side of a comparison as the compare form sends it: a version number or "current". */
const comparedSide = v.union([v.literal('current'), versionNumber], 'Choose a version or the current document.');

export const compareSchema = v.object({ from: comparedSide, to: comparedSide });
