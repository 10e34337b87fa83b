import os from 'node:os';
import { migrateToLatest, type DatabaseHandle } from '$lib/server/db';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { addCustomQuestion, addPersonalLinks, createRound, type Mailer } from '$lib/server/feedback';
import { readQuestions } from '$lib/server/feedback/questions';
import { ROUND_LIMITS } from '$lib/server/feedback/schema';
import type { Question } from '$lib/feedback/model';
import { startApp, type RunningApp } from '../support/app-server';
import { buildSession } from '../support/factories';
import { buildCourseWithVersion, roundSettings, tokenOf } from '../support/feedback';
import { ensureProductionBuild } from '../support/production-build';
import { random } from './catalogue-specs';
import { onEachDatabase, printTable } from './bench-databases';

// `npm run bench:feedback`: a pilot round with a 20-question form. 1,000 participants submit it through
// their personal links within 60 s (open loop: each starts at its own moment, whatever the others
// are doing), then the round is filled to 10,000 responses and the team's results page is loaded.
// Prints p50/p99 of the server's answer time over loopback, on PGlite and (when reachable)
// PostgreSQL. Figures only; nothing is asserted.

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 60_000);
const TOTAL_RESPONSES = Number(process.env.BENCH_RESPONSES ?? 10_000);
const RESULT_LOADS = Number(process.env.BENCH_RESULT_LOADS ?? 40);
const FILL_CONCURRENCY = 8;
const BENCH_DB = 'co_course_bench_feedback';
const ORIGIN = 'http://bench.invalid';

const progress = (step: string) => process.stderr.write(`[bench] ${step}\n`);
const noEmail: Mailer = { delivers: false, send: async () => {} };

interface Prepared {
	courseId: string;
	roundId: string;
	questions: Question[];
	tokens: string[];
	sessionToken: string;
}

/** A saved version, a round on it with one custom question (20 in all), personal links for everyone. */
async function prepare(handle: DatabaseHandle): Promise<Prepared> {
	const { db } = handle;
	await migrateToLatest(db);
	const { owner, courseId, versionNumber } = await buildCourseWithVersion(db);
	const round = await createRound(db, owner, courseId, versionNumber, roundSettings({ closesAt: new Date(Date.now() + 7 * 24 * 3_600_000) }));
	await addCustomQuestion(db, owner, courseId, round.id, 'rating', {
		prompt: 'How well did the schedule fit your working week?',
		help: '',
		required: false,
		options: [],
		subject: 'overall'
	});
	const tokens: string[] = [];
	for (let start = 0; start < TOTAL_RESPONSES; start += ROUND_LIMITS.emails) {
		const emails = Array.from({ length: Math.min(ROUND_LIMITS.emails, TOTAL_RESPONSES - start) }, (_, i) => `participant${start + i}@example.org`);
		const { issued } = await addPersonalLinks(db, noEmail, owner, courseId, round.id, emails.join('\n'), ORIGIN);
		tokens.push(...issued.map((link) => tokenOf(link.url)));
	}
	return { courseId, roundId: round.id, questions: await readQuestions(db, round.id), tokens, sessionToken: await buildSession(db, owner.id) };
}

const COMMENTS = [
	'The examples from small companies were the most useful part.',
	'More time for the canvas exercise, please.',
	'Hard to follow without the reading list in advance.',
	'Good pace; the peer feedback session helped a lot.'
];

/** What one participant's browser sends: every required answer, some optional ones, as a form body. */
function answers(questions: Question[], rand: () => number): URLSearchParams {
	const form = new URLSearchParams();
	form.set('perspective', ['student', 'company_partner', 'other'][Math.floor(rand() * 3)]);
	for (const q of questions) {
		if (!q.required && rand() < 0.4) continue;
		switch (q.kind) {
			case 'rating':
				form.set(q.id, String(1 + Math.floor(rand() * 5)));
				break;
			case 'recommend':
				form.set(q.id, String(Math.floor(rand() * 11)));
				break;
			case 'hours':
				form.set(q.id, String(1 + Math.floor(rand() * 12)));
				break;
			case 'long_text':
			case 'short_text':
				if (rand() < 0.5) form.set(q.id, COMMENTS[Math.floor(rand() * COMMENTS.length)]);
				break;
			default:
				break;
		}
	}
	return form;
}

async function submit(app: RunningApp, token: string, body: URLSearchParams): Promise<number> {
	const started = performance.now();
	const response = await fetch(`${app.url}/r/${token}`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { origin: app.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
	});
	const text = await response.text();
	if (response.status !== 303) throw new Error(`submit: ${response.status} for ${token.slice(0, 6)}…: ${text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 600)}`);
	return performance.now() - started;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (times: number[]) => {
	const sorted = [...times].sort((a, b) => a - b);
	return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};

/** Participants arrive evenly over the window, each on its own, as people opening a link would. */
async function submitWave(app: RunningApp, prepared: Prepared, tokens: string[]): Promise<{ times: number[]; wallMs: number }> {
	const rand = random(7);
	const bodies = tokens.map(() => answers(prepared.questions, rand));
	const started = performance.now();
	const times = await Promise.all(
		tokens.map(async (token, i) => {
			const due = started + (i * WINDOW_MS) / tokens.length;
			const wait = due - performance.now();
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
			return submit(app, token, bodies[i]);
		})
	);
	return { times, wallMs: performance.now() - started };
}

/** The rest of the responses, as fast as the server takes them (not measured). */
async function fill(app: RunningApp, prepared: Prepared, tokens: string[]): Promise<void> {
	const rand = random(11);
	let next = 0;
	const worker = async () => {
		while (next < tokens.length) {
			const i = next++;
			await submit(app, tokens[i], answers(prepared.questions, rand));
			if (i % 1000 === 0) progress(`  filled ${i} / ${tokens.length}`);
		}
	};
	await Promise.all(Array.from({ length: FILL_CONCURRENCY }, worker));
}

/**
 * The results page as the lecturer's browser loads it, and as its 5-second refresh asks for it; with
 * `afterChange`, someone changes their answer before each load (not timed), so nothing computed
 * before can be reused: the cost of adding up every response.
 */
async function loadResults(app: RunningApp, prepared: Prepared, kind: 'page' | 'refresh', afterChange = false): Promise<number[]> {
	const rand = random(13);
	const base = `${app.url}/courses/${prepared.courseId}/feedback/${prepared.roundId}/results`;
	// The refresh re-runs every load of the page (an upper bound of what invalidate() asks for).
	const url = kind === 'page' ? base : `${base}/__data.json`;
	const times: number[] = [];
	for (let i = 0; i < RESULT_LOADS + 3; i++) {
		if (afterChange) await submit(app, prepared.tokens[i], answers(prepared.questions, rand));
		const started = performance.now();
		const response = await fetch(url, { headers: { cookie: `${SESSION_COOKIE}=${prepared.sessionToken}` }, redirect: 'manual' });
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`results ${kind}: ${response.status}`);
		if (i >= 3) times.push(performance.now() - started);
	}
	return times;
}

type Row = { database: string; measure: string; p50: number; p99: number; note: string };

async function benchDatabase(name: string, open: () => Promise<DatabaseHandle>, env: Record<string, string>, dataDir: string | undefined, rows: Row[]) {
	progress(`${name}: preparing a round with ${TOTAL_RESPONSES.toLocaleString('en-GB')} personal links`);
	const handle = await open();
	let prepared: Prepared;
	try {
		prepared = await prepare(handle);
	} finally {
		await handle.close();
	}
	const app = await startApp({ dataDir, env });
	try {
		progress(`${name}: ${PARTICIPANTS} participants submit ${prepared.questions.length} questions within ${WINDOW_MS / 1000} s`);
		const wave = await submitWave(app, prepared, prepared.tokens.slice(0, PARTICIPANTS));
		const submits = summary(wave.times);
		rows.push({ database: name, measure: `submit (${PARTICIPANTS} in ${(wave.wallMs / 1000).toFixed(0)} s)`, ...submits, note: '< 50' });
		const early = summary(await loadResults(app, prepared, 'page'));
		rows.push({ database: name, measure: `results page at ${PARTICIPANTS.toLocaleString('en-GB')}`, ...early, note: '' });
		progress(`${name}: filling to ${TOTAL_RESPONSES.toLocaleString('en-GB')} responses`);
		await fill(app, prepared, prepared.tokens.slice(PARTICIPANTS));
		progress(`${name}: results at ${TOTAL_RESPONSES.toLocaleString('en-GB')} responses`);
		rows.push({ database: name, measure: `results page at ${TOTAL_RESPONSES.toLocaleString('en-GB')}`, ...summary(await loadResults(app, prepared, 'page')), note: '< 300' });
		rows.push({ database: name, measure: `results refresh at ${TOTAL_RESPONSES.toLocaleString('en-GB')}`, ...summary(await loadResults(app, prepared, 'refresh')), note: '< 300' });
		rows.push({ database: name, measure: `results page after a change, at ${TOTAL_RESPONSES.toLocaleString('en-GB')}`, ...summary(await loadResults(app, prepared, 'page', true)), note: '< 300' });
	} finally {
		await app.stop();
	}
}

export async function runFeedbackBench(): Promise<void> {
	progress('building the production server (if sources changed)');
	await ensureProductionBuild();
	const rows: Row[] = [];
	await onEachDatabase(BENCH_DB, (database) => benchDatabase(database.name, database.open, database.env, database.dataDir, rows));

	console.log(`\nFeedback: server answer time over loopback (ms), load average ${os.loadavg()[0].toFixed(1)} at the end\n`);
	const header = ['database', 'measure', 'p50', 'p99', 'target (p99)'];
	const cells = rows.map((r) => [r.database, r.measure, r.p50.toFixed(1), r.p99.toFixed(1), r.note]);
	printTable(header, cells);
}
