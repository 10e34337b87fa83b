// `npm run seed:demo [-- --force]` (see src/lib/server/demo/cli.ts). No build needed: the server
// modules are loaded through Vite, like `npm run validate:exports`.
import { runServerModule } from './run-server-module.mjs';

await runServerModule('/src/lib/server/demo/cli.ts', 'runSeedDemoCli', [process.argv.slice(2), { log: (line) => console.log(line), error: (line) => console.error(line) }]);
