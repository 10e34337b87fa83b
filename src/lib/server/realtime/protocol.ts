import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';

/**
 * The y-websocket wire format: every frame is `[messageType: varUint, body...]`. Sync bodies are
 * y-protocols sync messages (`[syncType: varUint, payload: varUint8Array]`); awareness bodies are one
 * varUint8Array holding a y-protocols awareness update. We decode frames ourselves rather than through
 * `readSyncMessage`, because the server must see a peer's update before applying it (read-only
 * peers' writes are dropped) and must notice malformed frames instead of having them logged away.
 *
 * Our extension, message type 4 (Heartbeat): the client sends `[4, seq: varUint]` and the server
 * answers with the same frame to that socket only, at once, for read-only peers too. It lets the
 * browser tell a live connection from a silently dead one (its round trip time is the indicator's
 * figure). Heartbeats count towards the connection's frame budget like any other frame; one every
 * 500 ms is a small fraction of it. A stock y-websocket client never sends type 4 and ignores it.
 *
 * Our second extension, message type 5 (Signal), goes from the server only: `[5, topic: varString]`
 * tells every socket of a course that something kept beside the document changed (topic "comments"),
 * so the browser re-reads it over HTTP, authorised as every other request. No content travels in
 * it. A client that sends type 5 is closed like one that sends any unknown type.
 */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3, Heartbeat: 4, Signal: 5 } as const;

/** What a Signal frame may announce. */
export type SignalTopic = 'comments';
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

export type ClientMessage =
	| { kind: 'sync-step-1'; stateVector: Uint8Array }
	/** Sync step 2 and incremental updates both carry a Yjs update the sender wants applied. */
	| { kind: 'doc-update'; update: Uint8Array }
	| { kind: 'awareness'; entries: AwarenessEntry[] }
	| { kind: 'query-awareness' }
	/** Answered with `frame` itself; `seq` is the client's, the server does not interpret it. */
	| { kind: 'heartbeat'; frame: Uint8Array }
	/** The auth message type is reserved by y-websocket; access is decided at the HTTP upgrade instead. */
	| { kind: 'ignored' };

/** One client's presence in an awareness update; `json` is the state as sent, not yet parsed. */
export interface AwarenessEntry {
	clientId: number;
	clock: number;
	json: string;
}

export class MalformedMessageError extends Error {
	constructor(reason: string, options?: ErrorOptions) {
		super(`Malformed y-websocket message: ${reason}`, options);
		this.name = 'MalformedMessageError';
	}
}

/** Decodes one frame from a peer; throws MalformedMessageError for anything that is not a valid message. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
	try {
		const decoder = decoding.createDecoder(frame);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MessageType.Sync: {
				const syncType = decoding.readVarUint(decoder);
				const payload = decoding.readVarUint8Array(decoder);
				if (syncType === SyncType.Step1) return { kind: 'sync-step-1', stateVector: payload };
				if (syncType === SyncType.Step2 || syncType === SyncType.Update) return { kind: 'doc-update', update: payload };
				throw new MalformedMessageError(`unknown sync message type ${syncType}`);
			}
			case MessageType.Awareness: {
				return { kind: 'awareness', entries: readAwarenessEntries(decoding.readVarUint8Array(decoder)) };
			}
			case MessageType.QueryAwareness:
				return { kind: 'query-awareness' };
			case MessageType.Auth:
				return { kind: 'ignored' };
			case MessageType.Heartbeat:
				decoding.readVarUint(decoder); // seq: throws on a frame without one
				return { kind: 'heartbeat', frame };
			case MessageType.Signal:
				throw new MalformedMessageError('signals go from the server only');
			default:
				throw new MalformedMessageError(`unknown message type ${type}`);
		}
	} catch (err) {
		if (err instanceof MalformedMessageError) throw err;
		// lib0 throws plain Errors (e.g. "Unexpected end of array") on truncated input.
		throw new MalformedMessageError(err instanceof Error ? err.message : String(err), { cause: err });
	}
}

/**
 * Reads an awareness update completely before anything is applied: y-protocols applies entries one by
 * one, so a frame that breaks halfway would otherwise leave presence half-updated. States stay JSON
 * text here, so that their size can be checked before anything parses them.
 */
function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	if (count > update.length) throw new MalformedMessageError('awareness count beyond the end');
	const entries: AwarenessEntry[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		entries.push({ clientId, clock, json: decoding.readVarString(decoder) });
	}
	return entries;
}

/** An awareness update (the body of an awareness message) holding exactly these entries. */
export function encodeAwarenessEntries(entries: Iterable<AwarenessEntry>): Uint8Array {
	const list = [...entries];
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, list.length);
	for (const { clientId, clock, json } of list) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, json);
	}
	return encoding.toUint8Array(encoder);
}

export function encodeSignal(topic: SignalTopic): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Signal);
	encoding.writeVarString(encoder, topic);
	return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Sync);
	encoding.writeVarUint(encoder, SyncType.Step1);
	encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
	return encoding.toUint8Array(encoder);
}

/** Everything in `doc` that a peer with `stateVector` is missing. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	return encodeSyncStep2Update(Y.encodeStateAsUpdate(doc, stateVector));
}

/** Sync step 2 carrying `update`. */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Sync);
	encoding.writeVarUint(encoder, SyncType.Step2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeDocUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Sync);
	encoding.writeVarUint(encoder, SyncType.Update);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clientIds: number[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Awareness);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds));
	return encoding.toUint8Array(encoder);
}
