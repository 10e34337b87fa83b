import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromiumAvailable, CHROMIUM_PATH } from '../support/browser';

/** Builds the production app once for all browser tests, or explains why they are skipped. */
export default function setup() {
	if (!chromiumAvailable()) {
		if (process.env.CI === 'true') {
			throw new Error(`CI=true but Chromium is missing at ${CHROMIUM_PATH}: browser tests must run in CI.`);
		}
		console.log(`browser tests skipped: no Chromium at ${CHROMIUM_PATH} (install Debian's chromium package to run them)`);
		return;
	}
	const root = path.resolve(import.meta.dirname, '../..');
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('vite build failed; browser tests need the production build');
}
