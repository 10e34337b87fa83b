import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ReceivedEmail {
	from: string;
	to: string[];
	/** The raw message (headers and body) as the client sent it. */
	data: string;
	/** user:password from AUTH PLAIN or AUTH LOGIN, if the client authenticated. */
	auth: string | null;
}

export interface TestSmtpServer {
	port: number;
	received: ReceivedEmail[];
	close(): Promise<void>;
}

/**
 * A small real SMTP server on loopback (RFC 5321's commands, AUTH PLAIN/LOGIN, no TLS), enough for
 * nodemailer to deliver to: the emails it receives are what a real server would have been handed.
 * `rejectAuth` answers every login with 535, as a server with a wrong password configured would.
 */
export async function startSmtpServer(options: { rejectAuth?: boolean } = {}): Promise<TestSmtpServer> {
	const received: ReceivedEmail[] = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.setEncoding('utf8');
		let buffer = '';
		let mode: 'command' | 'data' | 'auth-user' | 'auth-pass' = 'command';
		let envelope: ReceivedEmail = { from: '', to: [], data: '', auth: null };
		let user = '';
		const reply = (line: string) => socket.write(`${line}\r\n`);
		const authenticated = (credentials: string) => {
			if (options.rejectAuth) return reply('535 5.7.8 Authentication credentials invalid');
			envelope.auth = credentials;
			reply('235 2.7.0 Authentication successful');
		};
		reply('220 test-smtp ESMTP ready');
		socket.on('data', (chunk: string) => {
			buffer += chunk;
			for (;;) {
				if (mode === 'data') {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end === -1) return;
					envelope.data = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
					buffer = buffer.slice(end + 5);
					received.push(envelope);
					envelope = { from: '', to: [], data: '', auth: envelope.auth };
					mode = 'command';
					reply('250 2.0.0 Queued');
					continue;
				}
				const newline = buffer.indexOf('\r\n');
				if (newline === -1) return;
				const line = buffer.slice(0, newline);
				buffer = buffer.slice(newline + 2);
				if (mode === 'auth-user') {
					user = Buffer.from(line, 'base64').toString();
					mode = 'auth-pass';
					reply('334 UGFzc3dvcmQ6');
					continue;
				}
				if (mode === 'auth-pass') {
					mode = 'command';
					authenticated(`${user}:${Buffer.from(line, 'base64').toString()}`);
					continue;
				}
				const [verb, ...rest] = line.split(' ');
				const argument = rest.join(' ');
				switch (verb.toUpperCase()) {
					case 'EHLO':
						reply('250-test-smtp');
						reply('250-AUTH PLAIN LOGIN');
						reply('250 8BITMIME');
						break;
					case 'HELO':
						reply('250 test-smtp');
						break;
					case 'AUTH': {
						const [method, initial] = argument.split(' ');
						if (method.toUpperCase() === 'PLAIN' && initial) {
							const [, name, password] = Buffer.from(initial, 'base64').toString().split('\0');
							authenticated(`${name}:${password}`);
						} else if (method.toUpperCase() === 'LOGIN') {
							mode = 'auth-user';
							reply('334 VXNlcm5hbWU6');
						} else reply('504 5.5.4 Unrecognized authentication type');
						break;
					}
					case 'MAIL':
						envelope.from = /<([^>]*)>/.exec(argument)?.[1] ?? '';
						reply('250 2.1.0 OK');
						break;
					case 'RCPT':
						envelope.to.push(/<([^>]*)>/.exec(argument)?.[1] ?? '');
						reply('250 2.1.5 OK');
						break;
					case 'DATA':
						mode = 'data';
						reply('354 End data with <CR><LF>.<CR><LF>');
						break;
					case 'RSET':
						envelope = { from: '', to: [], data: '', auth: envelope.auth };
						reply('250 2.0.0 OK');
						break;
					case 'NOOP':
						reply('250 2.0.0 OK');
						break;
					case 'QUIT':
						reply('221 2.0.0 Bye');
						socket.end();
						return;
					default:
						reply('502 5.5.2 Command not recognized');
				}
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		received,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

/** A received message's subject and text as a mail program shows them (encoded words and quoted-printable undone). */
export function readEmail(data: string): { subject: string; text: string; headers: Record<string, string> } {
	const split = data.indexOf('\r\n\r\n');
	const head = data.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const headers: Record<string, string> = {};
	for (const line of head.split('\r\n')) {
		const colon = line.indexOf(':');
		headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
	}
	const body = data.slice(split + 4);
	const text = /quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')
		? bytesToText(body.replace(/=\r\n/g, ''), /=([0-9A-F]{2})/gi)
		: /base64/i.test(headers['content-transfer-encoding'] ?? '')
			? Buffer.from(body, 'base64').toString('utf8')
			: body;
	return { subject: headers.subject ?? '', text: text.replace(/\r\n/g, '\n'), headers };
}

function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
			encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : bytesToText(text.replace(/_/g, ' '), /=([0-9A-F]{2})/gi)
		);
}

function bytesToText(encoded: string, escape: RegExp): string {
	const bytes: number[] = [];
	let last = 0;
	for (const match of encoded.matchAll(escape)) {
		bytes.push(...Buffer.from(encoded.slice(last, match.index), 'latin1'), parseInt(match[1], 16));
		last = match.index + match[0].length;
	}
	bytes.push(...Buffer.from(encoded.slice(last), 'latin1'));
	return Buffer.from(bytes).toString('utf8');
}
