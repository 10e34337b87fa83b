import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable } from '../support/browser';
import { PASSWORD } from '../support/flows';

// SIGTERM closes realtime (flushing edits), then lets HTTP requests in flight finish, and only then
// closes the database: a request that arrives before the signal is answered properly.

describe.skipIf(!chromiumAvailable())('shutdown of the production server', () => {
	let app: RunningApp;

	beforeAll(async () => {
		app = await startApp();
	});
	afterAll(async () => {
		await app?.kill();
	});

	it('answers a request that is in flight at SIGTERM before it closes the database, then exits cleanly', async () => {
		const body = new URLSearchParams({ name: 'Late Lotta', email: `lotta.${Date.now()}@example.org`, password: PASSWORD }).toString();
		const half = Math.floor(body.length / 2);
		const url = new URL('/signup', app.url);
		let inFlight!: () => void;
		const started = new Promise<void>((resolve) => (inFlight = resolve));
		let sendRest!: () => void;
		const responded = new Promise<http.IncomingMessage>((resolve, reject) => {
			const request = http.request(url, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					'Content-Length': Buffer.byteLength(body),
					Origin: app.url,
					Accept: 'text/html', // a plain form post, as without JavaScript
					// The server answers 100 Continue once it has the request: from then on it is in flight.
					Expect: '100-continue'
				}
			});
			request.on('continue', () => {
				request.write(body.slice(0, half)); // the action now waits for the rest of the body
				sendRest = () => request.end(body.slice(half));
				inFlight();
			});
			request.on('response', (response) => {
				response.resume();
				resolve(response);
			});
			request.on('error', reject);
			request.flushHeaders();
		});
		responded.catch(() => {}); // awaited below; a failure must not surface before that as unhandled
		await started;

		const exited = new Promise<number | null>((resolve) => app.process.once('exit', (code) => resolve(code)));
		app.process.kill('SIGTERM');
		await expect.poll(() => app.output()).toMatch(/waiting for 1 HTTP request/);
		sendRest();

		const response = await responded;
		expect(response.statusCode).toBe(303);
		expect(String(response.headers['set-cookie'])).toMatch(/session=/);
		expect(await exited).toBe(0);
		expect(app.output()).not.toMatch(/error/i);
	});
});
