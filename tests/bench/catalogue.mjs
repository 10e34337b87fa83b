// `npm run bench:catalogue`: catalogue, course page, API and PDF timings, printed as one table (never
// asserted). The code is TypeScript using `$lib`, loaded through Vite's SSR module loader as the dev
// server does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

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
	const { runCatalogueBench } = await vite.ssrLoadModule('/tests/bench/catalogue-bench.ts');
	await runCatalogueBench();
} catch (err) {
	console.error(err);
	exitCode = 1;
} finally {
	await vite.close();
}
process.exit(exitCode);
