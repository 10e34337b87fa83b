import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LoadBalancer {
	url: string;
	port: number;
	/** The backends requests and upgrades go to, in turn; may be changed while running. */
	backends: string[];
	close(): Promise<void>;
}

/**
 * A plain Node load balancer with no stickiness, for tests and benches: each HTTP request and each
 * WebSocket upgrade goes to the next backend in turn, and to the one after it when a backend does
 * not accept the connection (it was killed). WebSocket traffic is piped as raw bytes after the upgrade
 * request is passed on, so the backends see what a browser sent (Cookie, Origin, Host).
 */
export async function startLoadBalancer(backends: string[]): Promise<LoadBalancer> {
	const balancer = { backends: [...backends] };
	let next = 0;
	const sockets = new Set<net.Socket>();

	const pick = (attempt: number) => new URL(balancer.backends[(next + attempt) % balancer.backends.length]);
	const connectToBackend = (attempt = 0): Promise<{ socket: net.Socket; target: URL }> =>
		new Promise((resolve, reject) => {
			if (attempt >= balancer.backends.length) return reject(new Error('no backend accepts connections'));
			const target = pick(attempt);
			const socket = net.connect(Number(target.port), target.hostname);
			socket.once('connect', () => {
				socket.removeAllListeners('error');
				resolve({ socket, target });
			});
			socket.once('error', () => {
				socket.destroy();
				connectToBackend(attempt + 1).then(resolve, reject);
			});
		});

	const server = http.createServer((req, res) => {
		const attempt = (n: number) => {
			if (n >= balancer.backends.length) {
				res.writeHead(502).end('Bad Gateway');
				return;
			}
			const target = pick(n);
			const upstream = http.request(
				{ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
				(response) => {
					res.writeHead(response.statusCode ?? 502, response.headers);
					response.pipe(res);
				}
			);
			upstream.once('error', (err: NodeJS.ErrnoException) => {
				if (err.code === 'ECONNREFUSED' && !res.headersSent) attempt(n + 1);
				else res.destroy();
			});
			req.pipe(upstream);
		};
		next += 1;
		attempt(0);
	});

	server.on('upgrade', (req, client, head) => {
		next += 1;
		client.on('error', () => client.destroy());
		connectToBackend().then(
			({ socket }) => {
				sockets.add(socket);
				socket.once('close', () => sockets.delete(socket));
				socket.on('error', () => client.destroy());
				socket.once('close', () => client.destroy());
				client.once('close', () => socket.destroy());
				const lines = [`${req.method} ${req.url} HTTP/1.1`];
				for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
				socket.write(`${lines.join('\r\n')}\r\n\r\n`);
				if (head.length > 0) socket.write(head);
				socket.pipe(client);
				client.pipe(socket);
			},
			() => {
				client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
			}
		);
	});

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		get backends() {
			return balancer.backends;
		},
		set backends(list: string[]) {
			balancer.backends = [...list];
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
