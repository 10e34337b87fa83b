// `npm run bench:realtime`: the realtime server's figures, printed as one table (never asserted).
// With --process (`npm run bench:realtime:process`): the production server as a process of its own,
// on PGlite and PostgreSQL in one run (tests/bench/realtime-process-bench.ts). With --processes N:
// 1 process, 1 with Redis and N with Redis on PostgreSQL, clients spread over them
// (tests/bench/realtime-cluster-bench.ts).
import { runServerModule } from '../../scripts/run-server-module.mjs';

if (typeof globalThis.gc !== 'function') {
	console.error('Run with `node --expose-gc` (npm run bench:realtime does): heap figures need a forced GC.');
	process.exit(1);
}

const processesAt = process.argv.indexOf('--processes');
if (processesAt !== -1) {
	const processes = Number(process.argv[processesAt + 1]);
	if (!Number.isInteger(processes) || processes < 1) {
		console.error('--processes takes a whole number of app processes, e.g. --processes 2');
		process.exit(1);
	}
	await runServerModule('/tests/bench/realtime-cluster-bench.ts', 'runClusterBench', [processes]);
} else if (process.argv.includes('--process')) await runServerModule('/tests/bench/realtime-process-bench.ts', 'runProcessBench', []);
else await runServerModule('/tests/bench/realtime-bench.ts', 'runRealtimeBench', []);
