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

/** The peer sent a frame that is not a valid y-websocket message. Only that socket is closed. */
export const BadMessage: CloseEvent = { code: 4400, reason: 'Bad Message' };

/** The peer's session ended (logout, expiry) while connected. */
export const Unauthorized: CloseEvent = { code: 4401, reason: 'Unauthorized' };

/** The peer lost access to the course (removed from the team) while connected. */
export const Forbidden: CloseEvent = { code: 4403, reason: 'Forbidden' };

/** The course no longer exists. */
export const NotFound: CloseEvent = { code: 4404, reason: 'Not Found' };

/** The server is shutting down or restarting; the client should reconnect (its edits are re-sent). */
export const GoingAway: CloseEvent = { code: 1001, reason: 'Server Going Away' };

/** The peer's permissions changed (role, archive): it reconnects and is authorised afresh. */
export const AccessChanged: CloseEvent = { code: 4000, reason: 'Access Changed' };
