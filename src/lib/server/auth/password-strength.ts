import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { m } from '$lib/paraglide/messages';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/**
 * zxcvbn's scale: 3 is "safely unguessable" against online attacks (10^8 guesses and more), 4 holds
 * up offline too (10^10). A password built on the person's own name or email needs a 4: their
 * name is the first thing a targeted guesser tries, and zxcvbn ranks it only as one rare word.
 */
const MIN_SCORE = 3;
const MIN_SCORE_WITH_PERSONAL_DATA = 4;

// Words a guesser would try first against this site, whoever the person is.
const SITE_WORDS = ['cocourse', 'co-course', 'course', 'microcredential', 'micro-credential'];

// Building the matcher unpacks the dictionaries (~100 ms), so it happens on the first check only;
// after that it holds no per-person state.
let estimator: ZxcvbnFactory | undefined;
function getEstimator(): ZxcvbnFactory {
	estimator ??= new ZxcvbnFactory({
		translations: en.translations,
		graphs: common.adjacencyGraphs,
		dictionary: { ...common.dictionary, ...en.dictionary }
	});
	return estimator;
}

/** The name and email split into the pieces people build passwords from. */
function personalWords(person: { name?: string; email?: string }): string[] {
	const words = new Set<string>(SITE_WORDS);
	const add = (text: string) => {
		const lowered = text.toLowerCase();
		words.add(lowered);
		for (const part of lowered.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
	};
	if (person.name) add(person.name);
	if (person.email) {
		add(person.email);
		add(person.email.split('@')[0]);
	}
	return [...words];
}

/** Why the password is easy to guess, in zxcvbn's words, or null when it is strong enough. */
export function weakPasswordReason(password: string, person: { name?: string; email?: string }): string | null {
	const result: ZxcvbnResult = getEstimator().check(password, personalWords(person));
	const personal = result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');
	if (result.score >= (personal ? MIN_SCORE_WITH_PERSONAL_DATA : MIN_SCORE)) return null;
	const { suggestions } = result.feedback;
	const warning = result.feedback.warning ?? (personal ? en.translations.warnings.userInputs : null);
	const why = [warning, ...suggestions].filter((s): s is string => !!s);
	return [m.auth_password_too_easy(), ...why].join(' ');
}
