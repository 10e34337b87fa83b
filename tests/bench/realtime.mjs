// `npm run bench:realtime`: the realtime server's figures, printed as one table (never asserted).
// With --process (`npm run bench:realtime:process`): the production server as a process of its own,
// on PGlite and PostgreSQL in one run (tests/bench/realtime-process-bench.ts).
// The server code is TypeScript using `$lib` and import.meta.glob (migrations), so it is loaded
// through Vite's SSR module loader, the same way the dev server loads it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

if (typeof globalThis.gc !== 'function') {
	console.error('Run with `node --expose-gc` (npm run bench:realtime does): heap figures need a forced GC.');
	process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vite = await createServer({
	root,
	configFile: false,
	logLevel: 'error',
	appType: 'custom',
	server: { middlewareMode: true, hmr: false, ws: false, watch: null },
	resolve: { alias: { $lib: path.join(root, 'src/lib') } },
	optimizeDeps: { noDiscovery: true, include: [] }
});
let exitCode = 0;
try {
	if (process.argv.includes('--process')) {
		const { runProcessBench } = await vite.ssrLoadModule('/tests/bench/realtime-process-bench.ts');
		await runProcessBench();
	} else {
		const { runRealtimeBench } = await vite.ssrLoadModule('/tests/bench/realtime-bench.ts');
		await runRealtimeBench();
	}
} catch (err) {
	console.error(err);
	exitCode = 1;
} finally {
	await vite.close();
}
process.exit(exitCode);
