import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { canonicalJson } from '$lib/course-spec/canonical-json';
import { migrateToLatest, type DatabaseHandle } from '$lib/server/db';
import type { Database } from '$lib/server/db/types';
import { generateId } from '$lib/server/ids';
import { indexPublishedVersion } from '$lib/server/catalogue';
import { startApp, type RunningApp } from '../support/app-server';
import { ensureProductionBuild } from '../support/production-build';
import { benchSpec, random, SEARCH_WORDS } from './catalogue-specs';
import { onEachDatabase, printTable } from './bench-databases';

// `npm run bench:catalogue`: seeds 2,000 and then 10,000 published courses, starts the production
// server on them, and prints p50/p99 of the server's answer time over loopback for each kind of
// request, on PGlite and (when reachable) PostgreSQL. Figures only; nothing is asserted.

const SIZES = (process.env.BENCH_SIZES ?? '2000,10000').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const PDF_REQUESTS = Number(process.env.BENCH_PDF_REQUESTS ?? 40);
const BENCH_DB = 'co_course_bench_catalogue';

const progress = (step: string) => process.stderr.write(`[bench] ${step}\n`);

async function seed(db: Kysely<Database>, from: number, to: number): Promise<void> {
	const publisher =
		(await db.selectFrom('users').select('id').executeTakeFirst())?.id ??
		(await db.insertInto('users').values({ id: generateId(), email: 'bench@example.org', name: 'Bench', password_hash: 'x', role: 'coordinator' }).returning('id').executeTakeFirstOrThrow()).id;
	const BATCH = 250;
	for (let start = from; start < to; start += BATCH) {
		await db.transaction().execute(async (trx) => {
			for (let i = start; i < Math.min(to, start + BATCH); i++) {
				const spec = benchSpec(i);
				const id = generateId();
				await trx.insertInto('courses').values({ id, title: Object.values(spec.title)[0], created_by: publisher, slug: `bench-course-${i}`, status: 'published' }).execute();
				await trx
					.insertInto('published_versions')
					.values({
						id: generateId(),
						course_id: id,
						number: 1,
						state: sql<Uint8Array>`decode('AAA=', 'base64')`,
						spec: JSON.stringify(spec),
						content_hash: createHash('sha256').update(canonicalJson(spec)).digest('hex'),
						approved_by: publisher,
						approved_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
						published_by: publisher,
						published_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000)
					})
					.execute();
				await indexPublishedVersion(trx, id);
			}
		});
		progress(`  seeded ${Math.min(to, start + BATCH)} / ${to}`);
	}
}

interface Scenario {
	name: string;
	requests: number;
	path: (rand: () => number) => string;
}

const pick = <T>(rand: () => number, list: readonly T[]) => list[Math.floor(rand() * list.length)];

function scenarios(size: number): Scenario[] {
	const slug = (rand: () => number) => `bench-course-${Math.floor(rand() * size)}`;
	return [
		{ name: 'catalogue search, one word', requests: REQUESTS, path: (r) => `/catalogue?q=${encodeURIComponent(pick(r, SEARCH_WORDS))}` },
		{ name: 'catalogue search, two words', requests: REQUESTS, path: (r) => `/catalogue?q=${encodeURIComponent(`${pick(r, SEARCH_WORDS)} ${pick(r, SEARCH_WORDS)}`)}` },
		{ name: 'catalogue, filters only', requests: REQUESTS, path: (r) => `/catalogue?eqf=${pick(r, [5, 6, 7])}&form=${pick(r, ['online', 'blended', 'presential'])}&ectsMin=2` },
		{ name: 'public course page', requests: REQUESTS, path: (r) => `/c/${slug(r)}` },
		{ name: 'API list (search)', requests: REQUESTS, path: (r) => `/api/v1/specs?q=${encodeURIComponent(pick(r, SEARCH_WORDS))}` },
		{ name: 'PDF render', requests: PDF_REQUESTS, path: (r) => `/c/${slug(r)}/v/1/pdf` },
		...exportScenarios(size)
	];
}

const EXPORT_FILES = ['exports/ob3-achievement', 'exports/ob3-credential-template', 'exports/elm-learning-opportunity', 'exports/elm-credential-template', 'badge.png'];

/**
 * Each credential export and the badge PNG, from the cache (one course asked again and again) and
 * cold (a course not asked for before on every request, so every answer is a build, PNG included).
 */
function exportScenarios(size: number): Scenario[] {
	return EXPORT_FILES.flatMap((file) => {
		let next = 0;
		return [
			{ name: `${file}, cached`, requests: REQUESTS, path: () => `/api/v1/specs/bench-course-1/versions/1/${file}` },
			{ name: `${file}, cold`, requests: Math.min(REQUESTS, size - 20), path: () => `/api/v1/specs/bench-course-${2 + (next++ % (size - 2))}/versions/1/${file}` }
		];
	});
}

function target(scenario: string): string {
	if (scenario.endsWith(', cached')) return '< 20';
	if (scenario.endsWith(', cold')) return '< 200';
	if (scenario === 'PDF render') return '< 500';
	return scenario.startsWith('API') ? '' : '< 30 at 10,000';
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(app: RunningApp, scenario: Scenario): Promise<{ p50: number; p99: number }> {
	const rand = random(42);
	const time = async () => {
		const started = performance.now();
		const response = await fetch(`${app.url}${scenario.path(rand)}`);
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`${scenario.name}: ${response.status} for ${response.url}`);
		return performance.now() - started;
	};
	for (let i = 0; i < 10; i++) await time();
	const times: number[] = [];
	for (let i = 0; i < scenario.requests; i++) times.push(await time());
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

type Row = { database: string; courses: number; scenario: string; p50: number; p99: number };

async function benchDatabase(name: string, open: () => Promise<DatabaseHandle>, serverEnv: Record<string, string>, dataDir: string | undefined, rows: Row[]) {
	let seeded = 0;
	for (const size of SIZES) {
		progress(`${name}: seeding to ${size} courses`);
		const handle = await open();
		const started = performance.now();
		try {
			await migrateToLatest(handle.db);
			await seed(handle.db, seeded, size);
		} finally {
			await handle.close();
		}
		progress(`${name}: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
		seeded = size;
		const app = await startApp({ dataDir, env: serverEnv });
		try {
			for (const scenario of scenarios(size)) {
				progress(`${name} ${size}: ${scenario.name}`);
				rows.push({ database: name, courses: size, scenario: scenario.name, ...(await measure(app, scenario)) });
			}
		} finally {
			await app.stop();
		}
	}
}

export async function runCatalogueBench(): Promise<void> {
	progress('building the production server (if sources changed)');
	await ensureProductionBuild();
	const rows: Row[] = [];
	await onEachDatabase(BENCH_DB, (database) => benchDatabase(database.name, database.open, database.env, database.dataDir, rows));

	console.log('\nCatalogue: server answer time over loopback, sequential requests (ms)\n');
	const header = ['database', 'courses', 'request', 'p50', 'p99', 'target (p99)'];
	const cells = rows.map((r) => [
		r.database,
		r.courses.toLocaleString('en-GB'),
		r.scenario,
		r.p50.toFixed(1),
		r.p99.toFixed(1),
		target(r.scenario)
	]);
	printTable(header, cells);
}
