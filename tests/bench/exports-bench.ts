import { fullSpec, multilingualSpec } from '$lib/course-spec/fixtures';
import { EXPORT_FORMATS, badgeContent, badgePng, badgeSvg, buildDocument, buildExport, validate } from '$lib/server/exports';
import { sampleExportInput } from '$lib/server/exports/sample-input';

// `npm run bench:exports`: how long exports take from a frozen spec, so that the cache by content hash
// can be sized. Figures are printed, never asserted. The multilingual fixture (fi/sv/en) is the
// heavier case; "first" includes parsing schemas and shapes, which happens once per process.

const RUNS = 15;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function time(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<{ first: number; median: number }> {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		samples.push(performance.now() - start);
	}
	return { first: samples[0], median: median(samples.slice(1)) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);

export async function runExportsBench(): Promise<number> {
	const rows: string[][] = [];
	for (const [name, spec] of [
		['full (en, fi)', fullSpec()],
		['fi/sv/en', multilingualSpec()]
	] as const) {
		const input = sampleExportInput(spec);
		for (const format of EXPORT_FORMATS) {
			const build = await time(() => buildExport(format, input));
			const document = buildDocument(format, input);
			const bytes = Buffer.byteLength(buildExport(format, input).body);
			const check = await time(() => validate(format, document), format.startsWith('elm') ? 5 : RUNS);
			rows.push([name, format, ms(build.median), ms(check.first), ms(check.median), `${(bytes / 1024).toFixed(1)} KiB`.padStart(10)]);
		}
	}
	const content = badgeContent(sampleExportInput(fullSpec()));
	const svg = await time(() => badgeSvg(content));
	const png = await time(() => badgePng(badgeSvg(content)));
	console.log(['fixture'.padEnd(14), 'format'.padEnd(24), 'build'.padStart(10), 'check 1st'.padStart(10), 'check'.padStart(10), 'size'.padStart(10)].join(' '));
	for (const row of rows) console.log([row[0].padEnd(14), row[1].padEnd(24), ...row.slice(2)].join(' '));
	console.log(`\nbadge SVG ${ms(svg.median).trim()} · badge PNG 600×600 first ${ms(png.first).trim()}, then ${ms(png.median).trim()} (median of ${RUNS - 1})`);
	return 0;
}
