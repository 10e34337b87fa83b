import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/i18n/format';
import type * as PlotModule from './plot';
import type { Distribution, HoursSummary, RecommendResult } from '$lib/server/feedback/results';

// The results page's charts, drawn with Observable Plot in the browser only. Each chart carries an
// aria-label and has its numbers in a table next to it (the page renders those).

type Plot = typeof PlotModule;
export type ChartBuilder = (Plot: Plot, width: number) => SVGSVGElement | HTMLElement;

/** From "not at all" to "very": red through grey to the primary green, readable on white. */
export const RATING_COLOURS = ['#a4282b', '#d98b73', '#b9c2bc', '#6fa7a1', '#1f5f5b'];
const NPS_COLOURS = { detractors: '#a4282b', passives: '#aab4ad', promoters: '#1f5f5b' };
const NPS_GROUP_NAMES = { detractors: () => m.feedback_chart_detractors(), passives: () => m.feedback_chart_passives(), promoters: () => m.feedback_chart_promoters() };

const font = { fontFamily: 'inherit', fontSize: '13px' };

/** Whole-number ticks from 0 to at least `max`: counts of answers have no fractions. */
function countTicks(max: number): number[] {
	const step = Math.max(1, Math.ceil(max / 5));
	return Array.from({ length: Math.floor(Math.max(max, 1) / step) + 1 }, (_, i) => i * step);
}
const countDomain = (max: number) => [0, Math.max(1, max)];

/** Each item's answers 1–5 as shares of its bar; the mean is in the row's label. */
export function ratingBars(rows: { label: string; distribution: Distribution | null }[], measure: string): ChartBuilder {
	const mean = (d: Distribution | null) => (d?.mean == null ? '–' : formatNumber(d.mean, { maximumFractionDigits: 2 }));
	const data = rows.flatMap((row) =>
		(row.distribution?.values ?? []).map((value, i) => ({
			item: `${row.label} · ${mean(row.distribution)}`,
			value: String(value),
			count: row.distribution!.counts[i]
		}))
	);
	return (Plot, width) =>
		Plot.plot({
			width,
			height: 40 + rows.length * 34,
			marginLeft: 90,
			style: font,
			ariaLabel: m.feedback_chart_rating_aria({ measure }),
			x: { percent: true, label: null, domain: [0, 100], tickFormat: (d: number) => `${d}%` },
			y: { label: null, domain: rows.map((row) => `${row.label} · ${mean(row.distribution)}`) },
			color: { type: 'ordinal', domain: ['1', '2', '3', '4', '5'], range: RATING_COLOURS, legend: true },
			marks: [Plot.barX(data, Plot.stackX({ x: 'count', y: 'item', fill: 'value', offset: 'normalize', order: 'value' })), Plot.ruleX([0])]
		});
}

/** Every participant's hours per module as dots, the mean as a thick tick, the plan as a red one. */
export function hoursChart(rows: { label: string; planned: number | null; actual: HoursSummary | null }[]): ChartBuilder {
	const dots = rows.flatMap((row) => (row.actual?.values ?? []).map((hours) => ({ module: row.label, hours })));
	const planned = rows.filter((row) => row.planned !== null).map((row) => ({ module: row.label, hours: row.planned!, kind: m.feedback_chart_planned() }));
	const means = rows.filter((row) => row.actual?.mean != null).map((row) => ({ module: row.label, hours: row.actual!.mean!, kind: m.feedback_chart_mean_spent() }));
	return (Plot, width) =>
		Plot.plot({
			width,
			height: 50 + rows.length * 40,
			marginLeft: 90,
			style: font,
			ariaLabel: m.feedback_chart_hours_aria(),
			x: { label: m.feedback_chart_hours(), nice: true, zero: true },
			y: { label: null, domain: rows.map((row) => row.label) },
			color: { domain: [m.feedback_chart_planned(), m.feedback_chart_mean_spent()], range: ['#a4282b', '#1b2420'], legend: true },
			marks: [
				Plot.dot(dots, { x: 'hours', y: 'module', fill: '#6fa7a1', fillOpacity: 0.7, r: 4 }),
				Plot.tickX(planned, { x: 'hours', y: 'module', stroke: 'kind', strokeWidth: 3 }),
				Plot.tickX(means, { x: 'hours', y: 'module', stroke: 'kind', strokeWidth: 3, strokeDasharray: '4,2' }),
				Plot.ruleX([0])
			]
		});
}

export function recommendChart(result: RecommendResult): ChartBuilder {
	const group = (v: number) => NPS_GROUP_NAMES[v <= 6 ? 'detractors' : v <= 8 ? 'passives' : 'promoters']();
	const data = result.values.map((value, i) => ({ value: String(value), count: result.counts[i], group: group(value) }));
	return (Plot, width) =>
		Plot.plot({
			width,
			height: 220,
			style: font,
			ariaLabel: m.feedback_chart_recommend_aria(),
			x: { label: m.feedback_chart_recommend_axis(), domain: data.map((d) => d.value) },
			y: { label: m.feedback_chart_answers(), grid: true, domain: countDomain(Math.max(...result.counts)), ticks: countTicks(Math.max(...result.counts)), tickFormat: 'd' },
			color: { domain: Object.values(NPS_GROUP_NAMES).map((name) => name()), range: Object.values(NPS_COLOURS), legend: true },
			marks: [Plot.barY(data, { x: 'value', y: 'count', fill: 'group' }), Plot.ruleY([0])]
		});
}

export function choiceChart(prompt: string, choices: { label: string; count: number }[]): ChartBuilder {
	return (Plot, width) =>
		Plot.plot({
			width,
			height: 40 + choices.length * 30,
			marginLeft: Math.min(220, 16 + Math.max(...choices.map((c) => c.label.length)) * 8),
			style: font,
			ariaLabel: m.feedback_chart_choice_aria({ prompt }),
			x: { label: m.feedback_chart_answers(), grid: true, domain: countDomain(Math.max(...choices.map((c) => c.count))), ticks: countTicks(Math.max(...choices.map((c) => c.count))), tickFormat: 'd' },
			y: { label: null, domain: choices.map((c) => c.label) },
			marks: [Plot.barX(choices, { x: 'count', y: 'label', fill: '#1f5f5b' }), Plot.ruleX([0])]
		});
}

/**
 * Plot labels each mark's <g> for screen readers, which ARIA does not allow on a plain group. The chart
 * reads as one image named by its aria-label instead; its numbers are in the table beside it.
 */
function asImage(chart: SVGSVGElement | HTMLElement): SVGSVGElement | HTMLElement {
	for (const group of chart.querySelectorAll('g[aria-label]')) group.removeAttribute('aria-label');
	for (const svg of chart.querySelectorAll<SVGSVGElement>('svg[aria-label]')) svg.setAttribute('role', 'img');
	if (chart instanceof SVGSVGElement && chart.hasAttribute('aria-label')) chart.setAttribute('role', 'img');
	return chart;
}

/**
 * An attachment that draws a chart once Plot has loaded (a chunk of its own, fetched only by the
 * results page) and again when its element changes width.
 */
export function drawChart(build: ChartBuilder) {
	return (node: HTMLElement) => {
		let stopped = false;
		let plot: typeof PlotModule | null = null;
		let width = 0;
		const draw = () => {
			const next = Math.floor(node.clientWidth);
			if (!plot || stopped || next === width || next === 0) return;
			width = next;
			node.replaceChildren(asImage(build(plot, width)));
		};
		const observer = new ResizeObserver(draw);
		observer.observe(node);
		void import('./plot').then((module) => {
			plot = module;
			draw();
		});
		return () => {
			stopped = true;
			observer.disconnect();
		};
	};
}
