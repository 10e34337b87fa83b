import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fullSpec } from '$lib/course-spec/fixtures';
import { buildExport } from './build';
import { runValidateCli } from './cli';
import { sampleExportInput } from './sample-input';

// The CLI against a local file and a tiny HTTP server on the loopback interface.

const dir = mkdtempSync(path.join(tmpdir(), 'co-course-cli-'));
const input = sampleExportInput(fullSpec());
const valid = buildExport('elmLearningOpportunity', input).body;
const broken = JSON.parse(buildExport('ob3Achievement', input).body);
delete broken.criteria;
writeFileSync(path.join(dir, 'lo.jsonld'), valid);
writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(broken));

let server: Server;
let base = '';
beforeAll(async () => {
	server = createServer((req, res) => {
		if (req.url === '/achievement') res.writeHead(200, { 'content-type': 'application/json' }).end(buildExport('ob3Achievement', input).body);
		else res.writeHead(404).end('not here');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function run(args: string[]) {
	const lines: string[] = [];
	const code = await runValidateCli(args, { log: (line) => lines.push(line) });
	return { code, output: lines.join('\n') };
}

test('valid file and URL: exit 0, format detected', async () => {
	const { code, output } = await run([path.join(dir, 'lo.jsonld'), `${base}/achievement`]);
	expect(output).toContain('lo.jsonld (elmLearningOpportunity): valid');
	expect(output).toContain(`${base}/achievement (ob3Achievement): valid, 1 warning`);
	expect(code).toBe(0);
});

test('violations: exit 1, each with the field to fix and the rule', async () => {
	const { code, output } = await run([path.join(dir, 'broken.json')]);
	expect(output).toContain('broken.json (ob3Achievement): 1 violation');
	expect(output).toContain('✘ Learning outcomes: At least one outcome needs text.  [ob3:required at /criteria]');
	expect(code).toBe(1);
});

test('unreadable sources and a wrong command line are reported', async () => {
	expect(await run([`${base}/missing`])).toEqual({ code: 1, output: `✘ ${base}/missing: the server answered 404 Not Found` });
	expect((await run(['file:///etc/passwd'])).output).toContain('only http and https URLs are fetched');
	expect((await run([path.join(dir, 'nope.json')])).code).toBe(1);
	expect((await run(['--format', 'pdf', 'x'])).code).toBe(2);
	expect((await run([path.join(dir, 'lo.jsonld'), '--format', 'ob3Achievement'])).output).toContain('(ob3Achievement): ');
});

test('npm run validate:exports runs it from the command line', { timeout: 60_000 }, async () => {
	const child = spawn('npm', ['run', '-s', 'validate:exports', '--', path.join(dir, 'broken.json')], { cwd: process.cwd() });
	let stdout = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	expect(stdout).toContain('✘ Learning outcomes: At least one outcome needs text.');
	expect(code).toBe(1);
});
