// `npm run bench:comments`: listing comments and recording attribution (see comments-bench.ts).
import { runServerModule } from '../../scripts/run-server-module.mjs';

await runServerModule('/tests/bench/comments-bench.ts', 'runCommentsBench', []);
