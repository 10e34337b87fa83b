// Shared by server and pages: pure arithmetic, no data access.
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
// What a pathway adds up to, and the 60 ECTS warning. Pure, so the editor, the list and the tests
// share one computation.

export type Requirement = { kind: 'all' } | { kind: 'some'; count: number };

/** 60 ECTS is a full year of study: the size at which stacked micro-credentials read as a degree. */
export const DEGREE_SIZE_ECTS = 60;

export interface PathwayFlag {
	/** `required`: every learner who completes the pathway reaches the size; `possible`: some can. */
	kind: 'required' | 'possible';
	message: string;
}

export interface PathwayTotals {
	/** The ECTS of every part together. */
	sum: number;
	/** What completing the pathway takes: the same for "all parts"; for N of M the N smallest and largest parts. */
	required: { min: number; max: number };
	/** Parts whose latest published version states no ECTS credits; they count as 0 above. */
	withoutEcts: number;
	flag: PathwayFlag | null;
}

const round = (n: number) => Math.round(n * 100) / 100;
const total = (values: number[]) => round(values.reduce((a, b) => a + b, 0));

export function formatEcts(n: number): string {
	return `${formatNumber(n, { maximumFractionDigits: 2 })} ECTS`;
}

/** "3 ECTS", or "3–4 ECTS" when the smallest and largest choice differ. */
export function formatEctsRange(range: { min: number; max: number }): string {
	return range.min === range.max ? formatEcts(range.min) : `${formatEcts(range.min).replace(' ECTS', '')}–${formatEcts(range.max)}`;
}

export function pathwayTotals(partEcts: (number | null)[], requirement: Requirement): PathwayTotals {
	const known = partEcts.map((e) => e ?? 0);
	const sum = total(known);
	const ascending = [...known].sort((a, b) => a - b);
	const n = requirement.kind === 'all' ? known.length : Math.min(requirement.count, known.length);
	const required = { min: total(ascending.slice(0, n)), max: total(ascending.slice(known.length - n)) };
	const withoutEcts = partEcts.filter((e) => e === null).length;
	return { sum, required, withoutEcts, flag: flagFor(required, requirement) };
}

function flagFor(required: { min: number; max: number }, requirement: Requirement): PathwayFlag | null {
	const why = m.pathways_flag_why();
	if (required.min >= DEGREE_SIZE_ECTS) {
		const ects = formatEcts(required.min);
		const what = requirement.kind === 'all' ? m.pathways_flag_all_add_up({ ects }) : m.pathways_flag_smallest_add_up({ count: requirement.count, ects });
		return { kind: 'required', message: `${what} ${why}` };
	}
	// Only "N of M" has a choice: with all parts required, the smallest and largest totals are the same.
	if (required.max >= DEGREE_SIZE_ECTS && requirement.kind === 'some') {
		return {
			kind: 'possible',
			message: `${m.pathways_flag_largest_reach({ count: requirement.count, max: formatEcts(required.max), min: formatEcts(required.min) })} ${why}`
		};
	}
	return null;
}
