import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.options.js';
import { defineConfig } from 'vitest/config';
import type { Plugin, ViteDevServer } from 'vite';
import type { Server } from 'node:http';

/**
 * In development the realtime server rides on Vite's own http server. It is loaded through
 * ssrLoadModule, the module graph SvelteKit's dev server uses, so both share one database instance.
 */
function realtimeDev(): Plugin {
	return {
		name: 'co-course-realtime-dev',
		apply: 'serve',
		configureServer(vite: ViteDevServer) {
			const httpServer = vite.httpServer as Server | null;
			if (!httpServer) return;
			let live: Promise<{ close(): Promise<void> }> | undefined;
			httpServer.once('listening', () => {
				live = vite
					.ssrLoadModule('/src/lib/server/live.ts')
					.then((mod) => mod.attachLiveServer(httpServer, { dev: true }));
				live.catch((err) => console.error('[realtime] failed to start:', err));
			});
			httpServer.once('close', () => void live?.then((l) => l.close()));
		}
	};
}

const postgresUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
	plugins: [paraglideVitePlugin(paraglideOptions), sveltekit(), realtimeDev()],
	// SvelteKit's own plugin does most of the build's work, so Rolldown's "slow plugin" report would
	// greet every first `npm start` with a page of timings nobody can act on.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		// Polls wait for other processes (server, browsers) on a shared 2-core machine: be patient, never sleep.
		expect: { requireAssertions: true, poll: { timeout: 10_000, interval: 50 } },
		projects: [
			{
				extends: true as const,
				test: { name: 'unit', environment: 'node', include: ['src/**/*.spec.ts'] }
			},
			{
				extends: true as const,
				test: {
					name: 'integration:pglite',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					env: { TEST_DB: 'pglite' },
					testTimeout: 30_000,
					// Files that start the production server build it first (once, under a lock), which on a
					// busy machine takes minutes; other hooks finish in seconds.
					hookTimeout: 300_000
				}
			},
			...(postgresUrl
				? [
						{
							extends: true as const,
							test: {
								name: 'integration:postgres',
								environment: 'node',
								include: ['tests/integration/**/*.test.ts'],
								env: { TEST_DB: 'postgres' },
								testTimeout: 30_000,
								hookTimeout: 300_000
							}
						}
					]
				: []),
			{
				extends: true as const,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.e2e.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					setupFiles: ['tests/support/e2e-setup.ts'],
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 180_000
				}
			}
		]
	}
});
