// `npm run validate:exports -- <file or URL> [...] [--format <format>]` (see src/lib/server/exports/cli.ts).
import { runServerModule } from './run-server-module.mjs';

await runServerModule('/src/lib/server/exports/cli.ts', 'runValidateCli', [process.argv.slice(2), { log: (line) => console.log(line) }]);
