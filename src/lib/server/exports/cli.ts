import { readFile } from 'node:fs/promises';
import { EXPORT_FORMATS, type ExportFormat } from './types';
import { detectFormat } from './detect';
import { explainViolations } from './explain';
import { validate } from './validate';
import type { CourseSpec } from '$lib/course-spec';

// `npm run validate:exports -- <file or URL> [...] [--format <format>]`: the checks publishing runs,
// for any export file — ours or one an issuer produced. Exit code 0 when everything is valid, 1 when
// a document has violations or cannot be read, 2 for a wrong command line.

const MAX_BYTES = 10_000_000;
const FETCH_TIMEOUT_MS = 15_000;

export interface CliOutput {
	log(line: string): void;
}

const USAGE = `Usage: npm run validate:exports -- <file or http(s) URL> [...] [--format ${EXPORT_FORMATS.join('|')}]`;

export async function runValidateCli(argv: string[], out: CliOutput): Promise<number> {
	let format: ExportFormat | undefined;
	const sources: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--format') {
			const value = argv[++i];
			if (!EXPORT_FORMATS.includes(value as ExportFormat)) {
				out.log(`Unknown format "${value ?? ''}".\n${USAGE}`);
				return 2;
			}
			format = value as ExportFormat;
		} else if (arg === '--help' || arg === '-h') {
			out.log(USAGE);
			return 0;
		} else sources.push(arg);
	}
	if (sources.length === 0) {
		out.log(USAGE);
		return 2;
	}
	let failed = false;
	for (const source of sources) failed = !(await checkOne(source, format, out)) || failed;
	return failed ? 1 : 0;
}

async function checkOne(source: string, forced: ExportFormat | undefined, out: CliOutput): Promise<boolean> {
	let document: unknown;
	try {
		document = JSON.parse(await readSource(source));
	} catch (error) {
		out.log(`✘ ${source}: ${(error as Error).message}`);
		return false;
	}
	const format = forced ?? detectFormat(document);
	if (!format) {
		out.log(`✘ ${source}: not an export this tool knows; name it with --format`);
		return false;
	}
	const result = await validate(format, document);
	const summary = result.ok ? 'valid' : `${result.violations.length} violation${result.violations.length === 1 ? '' : 's'}`;
	const warnings = result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : '';
	out.log(`${result.ok ? '✔' : '✘'} ${source} (${format}): ${summary}${warnings}`);
	const spec = format === 'spec' ? (document as CourseSpec) : undefined;
	const explained = explainViolations(result.violations, spec);
	for (const [i, item] of explained.entries()) {
		const violation = result.violations[i];
		const at = violation.path ?? violation.focusNode;
		out.log(`  ✘ ${item.where}: ${item.message}  [${item.rule}${at ? ` at ${at}` : ''}]`);
	}
	for (const warning of result.warnings) out.log(`  ! ${warning.message}  [${warning.rule}]`);
	return result.ok;
}

async function readSource(source: string): Promise<string> {
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
		const url = new URL(source);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`only http and https URLs are fetched, not ${url.protocol}`);
		const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/ld+json, application/json' } });
		if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
		const body = await response.text();
		if (body.length > MAX_BYTES) throw new Error('the document is larger than 10 MB');
		return body;
	}
	return readFile(source, 'utf8');
}
