/**
 * WebSocket close codes the realtime server uses. Codes 4400–4499 mirror HTTP 4xx and tell the
 * y-websocket client (v3 `shouldReconnect`) that reconnecting cannot help, so it stops; every other
 * code is transient and the client reconnects with backoff, re-sending whatever the server lacks.
 * Access itself is refused before the socket exists, as a plain HTTP 400/401/403/404 response;
 * these codes are for connections that are already open.
 */
export interface CloseEvent {
	code: number;
	reason: string;
}

/**
 * The peer sent a frame that is not a valid y-websocket message, or an update the server refuses
 * (content nested too deeply, shared types the course layout never uses). Only that socket is closed.
 * The client must not reconnect: it would send the same update again as soon as it synced.
 */
export const BadMessage: CloseEvent = { code: 4400, reason: 'Bad Message' };

/** The peer's session ended (logout, expiry) while connected. */
export const Unauthorized: CloseEvent = { code: 4401, reason: 'Unauthorized' };

/** The peer lost access to the course (removed from the team) while connected. */
export const Forbidden: CloseEvent = { code: 4403, reason: 'Forbidden' };

/** The course no longer exists. */
export const NotFound: CloseEvent = { code: 4404, reason: 'Not Found' };

/** The server is shutting down or restarting; the client should reconnect (its edits are re-sent). */
export const GoingAway: CloseEvent = { code: 1001, reason: 'Server Going Away' };

/**
 * The peer sent more frames or bytes than its budget allows (see ConnectionBudget), which no person
 * typing or pasting reaches. Deliberately outside 4400–4499, so y-websocket reconnects (with backoff):
 * the only y-websocket client that can hit it is ours with a bug such as an update loop, and its
 * unsent edits reach the server through the next connection's sync instead of waiting for a reload.
 * A script gains nothing from that: it can reconnect by itself anyway, and each connection costs it
 * an authorised upgrade.
 */
export const TooManyMessages: CloseEvent = { code: 4029, reason: 'Too Many Messages' };

/** The peer's permissions changed (role, archive): it reconnects and is authorised afresh. */
export const AccessChanged: CloseEvent = { code: 4000, reason: 'Access Changed' };
