// `npm run bench:feedback`: participant submits and the results page (see feedback-bench.ts).
import { runServerModule } from '../../scripts/run-server-module.mjs';

await runServerModule('/tests/bench/feedback-bench.ts', 'runFeedbackBench', []);
