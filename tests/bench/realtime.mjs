// `npm run bench:realtime`: the realtime server's figures, printed as one table (never asserted).
// With --process (`npm run bench:realtime:process`): the production server as a process of its own,
// on PGlite and PostgreSQL in one run (tests/bench/realtime-process-bench.ts).
import { runServerModule } from '../../scripts/run-server-module.mjs';

if (typeof globalThis.gc !== 'function') {
	console.error('Run with `node --expose-gc` (npm run bench:realtime does): heap figures need a forced GC.');
	process.exit(1);
}

if (process.argv.includes('--process')) await runServerModule('/tests/bench/realtime-process-bench.ts', 'runProcessBench', []);
else await runServerModule('/tests/bench/realtime-bench.ts', 'runRealtimeBench', []);
