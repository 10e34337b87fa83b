import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import { SESSION_COOKIE } from '$lib/server/auth/session';

/** Polls `condition` until it returns something truthy; never sleeps for a fixed time. */
export async function waitFor<T>(
	condition: () => T | Promise<T>,
	{ timeout = 10_000, interval = 10, message = 'condition' }: { timeout?: number; interval?: number; message?: string } = {}
): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeout;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await condition();
			if (value) return value as NonNullable<T>;
			lastError = undefined;
		} catch (err) {
			lastError = err;
		}
		if (Date.now() > deadline) {
			throw new Error(`Timed out after ${timeout} ms waiting for ${message}`, { cause: lastError });
		}
		await new Promise((resolve) => setTimeout(resolve, interval));
	}
}

export interface PeerOptions {
	/** Session token for the Cookie header; omit for an anonymous peer. */
	token?: string;
	/** Origin header; omit to send none. */
	origin?: string;
}

export function peerHeaders({ token, origin }: PeerOptions): Record<string, string> {
	const headers: Record<string, string> = {};
	if (token) headers.Cookie = `${SESSION_COOKIE}=${token}`;
	if (origin) headers.Origin = origin;
	return headers;
}

/**
 * y-websocket 3 constructs its socket as `new WebSocketPolyfill(url, protocols)` and has no header
 * option, so a subclass of ws's WebSocket adds the Cookie and Origin a browser would send.
 */
export function webSocketWithHeaders(
	headers: Record<string, string>
): new (url: string | URL, protocols?: string | string[]) => WebSocket {
	return class HeaderWebSocket extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers });
		}
	};
}

/** A real y-websocket client for one course document, as the browser will use it. */
export function connectProvider(collabUrl: string, courseId: string, peer: PeerOptions, doc = new Y.Doc()) {
	return new WebsocketProvider(collabUrl, courseId, doc, {
		WebSocketPolyfill: webSocketWithHeaders(peerHeaders(peer)) as unknown as typeof globalThis.WebSocket,
		// Providers in one process would otherwise sync through BroadcastChannel, bypassing the server.
		disableBc: true,
		maxBackoffTime: 200
	});
}

export async function waitForSynced(provider: WebsocketProvider, timeout = 10_000): Promise<void> {
	await waitFor(() => provider.synced, { timeout, message: `provider for ${provider.roomname} to sync` });
}

/** The HTTP status a refused upgrade answers with, or 101 when the socket opened. */
export function upgradeStatus(url: string, peer: PeerOptions): Promise<number> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers: peerHeaders(peer) });
		ws.once('open', () => {
			ws.terminate();
			resolve(101);
		});
		ws.once('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			res.resume();
			ws.terminate();
		});
		ws.once('error', (err) => reject(err));
	});
}

/** A raw protocol socket: records every frame it receives so tests can look at them. */
export interface RawPeer {
	ws: WebSocket;
	frames: Uint8Array[];
	closed: Promise<{ code: number; reason: string }>;
}

export function openRawPeer(url: string, peer: PeerOptions, options: WebSocket.ClientOptions = {}): Promise<RawPeer> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers: peerHeaders(peer), ...options });
		const frames: Uint8Array[] = [];
		const closed = new Promise<{ code: number; reason: string }>((done) =>
			ws.once('close', (code, reason) => done({ code, reason: reason.toString() }))
		);
		ws.on('message', (data) => frames.push(new Uint8Array(data as Buffer)));
		ws.once('open', () => resolve({ ws, frames, closed }));
		ws.once('error', reject);
	});
}

/** Encodes `[messageSync, messageYjsUpdate, update]`, what a provider sends for a local change. */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** The message type (sync 0, awareness 1, ...) and, for sync messages, the sync type of a frame. */
export function frameKind(frame: Uint8Array): { type: number; syncType?: number } {
	const decoder = decoding.createDecoder(frame);
	const type = decoding.readVarUint(decoder);
	return type === 0 ? { type, syncType: decoding.readVarUint(decoder) } : { type };
}

/** The full content of a doc, for comparing replicas (map keys sorted: their order is arrival order). */
export function docContent(doc: Y.Doc): unknown {
	const map = doc.getMap('map').toJSON();
	return {
		map: Object.fromEntries(Object.keys(map).sort().map((key) => [key, map[key]])),
		array: doc.getArray('array').toJSON(),
		text: doc.getText('text').toString()
	};
}

export function docFromUpdate(update: Uint8Array): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, update);
	return doc;
}
