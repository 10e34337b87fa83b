// Runs one exported function of a server-side TypeScript module from the command line. The server code
// uses `$lib` and Vite import suffixes (?raw, ?inline), so it is loaded through Vite's SSR module
// loader, as the dev server and the benches load it. Exits with the function's return value.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

export async function runServerModule(modulePath, exportName, args) {
	const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
	const vite = await createServer({
		root,
		configFile: false,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false, watch: null },
		resolve: { alias: { $lib: path.join(root, 'src/lib') } },
		optimizeDeps: { noDiscovery: true, include: [] }
	});
	let exitCode = 1;
	try {
		const mod = await vite.ssrLoadModule(modulePath);
		exitCode = (await mod[exportName](...args)) ?? 0;
	} catch (err) {
		console.error(err);
	} finally {
		await vite.close();
	}
	process.exit(exitCode);
}
