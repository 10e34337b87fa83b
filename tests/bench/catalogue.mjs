// `npm run bench:catalogue`: catalogue, course page, API, export and PDF timings (see catalogue-bench.ts).
import { runServerModule } from '../../scripts/run-server-module.mjs';

await runServerModule('/tests/bench/catalogue-bench.ts', 'runCatalogueBench', []);
