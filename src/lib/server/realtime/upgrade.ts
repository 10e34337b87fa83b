import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { RoomRegistry } from './rooms';
import type { MapKey } from './map-keys';

/** What the upgrade needs to know about a peer; decided by the app's policy, not here. */
export type CollabAccessDecision =
	| { ok: true; user: { id: string; name?: string }; canWrite: boolean; sessionId?: string; lockedKeys?: readonly MapKey[] }
	| { ok: false; status: 401 | 403 | 404 };

export type AuthorizeCollab = (request: {
	courseId: string;
	sessionToken: string | undefined;
}) => Promise<CollabAccessDecision>;

export const COLLAB_PATH = '/collab';
/** Course ids as the app generates them (src/lib/server/ids.ts): 24 base32 characters. */
const COURSE_ID_PATTERN = /^[a-z2-7]{24}$/;

export type CollabRoute = { kind: 'other' } | { kind: 'invalid' } | { kind: 'course'; courseId: string };

/** `/collab/<course id>` (any query string is ignored); anything else under /collab is invalid. */
export function matchCollabPath(rawUrl: string | undefined): CollabRoute {
	const pathname = (rawUrl ?? '').split('?', 1)[0];
	if (pathname !== COLLAB_PATH && !pathname.startsWith(`${COLLAB_PATH}/`)) return { kind: 'other' };
	const id = pathname.slice(COLLAB_PATH.length + 1);
	return COURSE_ID_PATTERN.test(id) ? { kind: 'course', courseId: id } : { kind: 'invalid' };
}

/**
 * Browsers send cookies with cross-site WebSocket upgrades and SvelteKit's CSRF check does not see
 * upgrades, so the Origin must be our own: the request's Host (over http or https, since a proxy may
 * terminate TLS) or one configured explicitly. A missing Origin is refused as well.
 */
export function isAllowedOrigin(req: IncomingMessage, allowedOrigins: ReadonlySet<string>): boolean {
	const origin = req.headers.origin?.toLowerCase();
	if (!origin) return false;
	const host = req.headers.host?.toLowerCase();
	if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
	return allowedOrigins.has(origin);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
		const value = part.slice(eq + 1).trim();
		try {
			return decodeURIComponent(value);
		} catch {
			return value;
		}
	}
	return undefined;
}

/** Answers on the raw socket with a plain HTTP response, so no WebSocket ever exists for this request. */
export function rejectUpgrade(socket: Duplex, status: number): void {
	if (!socket.writable) {
		socket.destroy();
		return;
	}
	const body = STATUS_CODES[status] ?? 'Error';
	socket.once('finish', () => socket.destroy());
	socket.end(
		`HTTP/1.1 ${status} ${body}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
			`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
	);
}

export interface UpgradeContext {
	wss: WebSocketServer;
	registry: RoomRegistry;
	authorize: AuthorizeCollab;
	allowedOrigins: ReadonlySet<string>;
	sessionCookie: string;
	/** Leave upgrades outside /collab to other listeners (Vite's HMR socket in development). */
	ignoreOtherPaths: boolean;
	isClosing(): boolean;
	/** Changes whenever access changes anywhere (see attachRealtime). */
	accessEpoch(): number;
}

/** The server's 'upgrade' listener: path, Origin, session and policy are all checked before the handshake. */
export function createUpgradeListener(context: UpgradeContext) {
	return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
		const route = matchCollabPath(req.url);
		if (route.kind === 'other' && context.ignoreOtherPaths) return;
		// A peer resetting the connection while we wait for the database must not crash the process.
		socket.on('error', () => socket.destroy());
		if (route.kind !== 'course') return rejectUpgrade(socket, 400);
		upgradeToRoom(context, route.courseId, req, socket, head).catch((err) => {
			console.error('[realtime] upgrade failed:', err instanceof Error ? err.message : err);
			rejectUpgrade(socket, 503);
		});
	};
}

async function upgradeToRoom(
	context: UpgradeContext,
	courseId: string,
	req: IncomingMessage,
	socket: Duplex,
	head: Buffer
): Promise<void> {
	if (context.isClosing()) return rejectUpgrade(socket, 503);
	if (!isAllowedOrigin(req, context.allowedOrigins)) return rejectUpgrade(socket, 403);
	const sessionToken = readCookie(req.headers.cookie, context.sessionCookie);
	// The course id passed the id pattern; authorize() confirms it names a course in the database
	// before a room with that name is created.
	let epoch = context.accessEpoch();
	let access = await context.authorize({ courseId, sessionToken });
	if (!access.ok) return rejectUpgrade(socket, access.status);

	const room = await context.registry.open(courseId); // reserved: cannot unload before the join
	// Access changed while we waited (a member removed, a session ended): the sockets it closed did not
	// include this one yet, so decide again. From the last check to the join nothing awaits.
	while (context.accessEpoch() !== epoch) {
		epoch = context.accessEpoch();
		access = await context.authorize({ courseId, sessionToken });
		if (!access.ok) {
			room.release();
			return rejectUpgrade(socket, access.status);
		}
	}
	if (context.isClosing() || !socket.readable || !socket.writable) {
		room.release();
		if (context.isClosing()) return rejectUpgrade(socket, 503);
		socket.destroy();
		return;
	}
	let joined = false;
	context.wss.handleUpgrade(req, socket, head, (ws) => {
		joined = true;
		room.join(ws, {
			userId: access.user.id,
			name: access.user.name,
			canWrite: access.canWrite,
			sessionId: access.sessionId,
			lockedKeys: access.lockedKeys ?? []
		});
	});
	// ws completes (or refuses) a handshake synchronously when no verifyClient is configured.
	if (!joined) room.release();
}
