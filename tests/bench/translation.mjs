// `npm run bench:translation`: per-language translation progress next to docToSpec (see translation-bench.ts).
import { runServerModule } from '../../scripts/run-server-module.mjs';

await runServerModule('/tests/bench/translation-bench.ts', 'runTranslationBench', []);
