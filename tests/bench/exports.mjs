// `npm run bench:exports`: build, validation and badge render times (see exports-bench.ts).
import { runServerModule } from '../../scripts/run-server-module.mjs';

await runServerModule('/tests/bench/exports-bench.ts', 'runExportsBench', []);
