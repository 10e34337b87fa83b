import type { FormLanguage } from '$lib/feedback/texts';
import { utcToZonedInput } from '$lib/feedback/zoned-time';
import type { RoundSummary } from './rounds';

// What the round settings form starts with: a new round's defaults, or a round's current settings.

const DAY = 86_400_000;

export function timeZones(): string[] {
	const zones = Intl.supportedValuesOf('timeZone');
	return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** The zone a form without JavaScript starts in: the server's own. */
export function serverTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A new round's form starts in the team member's own interface language; they can pick another. */
export function newRoundValues(language: FormLanguage = 'en', now = new Date()) {
	const timeZone = serverTimeZone();
	// Open from now (nobody can answer before they get a link anyway), for two weeks.
	const opens = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
	return {
		title: '',
		intro: '',
		audience: ['student', 'company_partner'],
		// Widened: the same shape echoes what a form sent, which may be any text.
		language: language as string,
		responses: 'anonymous',
		timeZone,
		opensAt: utcToZonedInput(opens, timeZone),
		closesAt: utcToZonedInput(new Date(opens.getTime() + 14 * DAY), timeZone)
	};
}

export function roundValues(round: RoundSummary) {
	return {
		title: round.title,
		intro: round.intro,
		audience: [...round.audience],
		language: round.language,
		responses: round.anonymous ? 'anonymous' : 'named',
		timeZone: round.timeZone,
		opensAt: utcToZonedInput(round.opensAt, round.timeZone),
		closesAt: utcToZonedInput(round.closesAt, round.timeZone)
	};
}

/** What a settings form sent, to put back into it next to its messages. */
export function submittedRoundValues(formData: FormData): ReturnType<typeof newRoundValues> {
	const get = (name: string) => {
		const value = formData.get(name);
		return typeof value === 'string' ? value : '';
	};
	return {
		title: get('title'),
		intro: get('intro'),
		audience: formData.getAll('audience').filter((a): a is string => typeof a === 'string'),
		language: get('language'),
		responses: get('responses'),
		timeZone: get('timeZone'),
		opensAt: get('opensAt'),
		closesAt: get('closesAt')
	};
}
