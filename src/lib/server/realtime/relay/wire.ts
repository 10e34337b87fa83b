import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AccessChange } from '../hooks';
import type { SignalTopic } from '../protocol';

/**
 * What processes tell each other through Redis. Per course, one channel carries binary frames
 * `[kind, instance id, ...]`; one channel for the whole cluster carries small JSON messages.
 * Every receiver drops its own frames (Redis delivers a publisher's messages back to it too).
 */
export const DocFrameKind = { Update: 0, Awareness: 1, QueryAwareness: 2, Signal: 3 } as const;

export type DocFrame =
	/**
	 * `seq` counts this instance's updates of the course since it loaded the room (`epoch` names that
	 * load: the count starts again when the room is loaded again), so a receiver notices one it missed.
	 */
	| { kind: 'update'; instanceId: string; epoch: number; seq: number; update: Uint8Array }
	| { kind: 'awareness'; instanceId: string; update: Uint8Array }
	/** A process opened the course: everyone else answers with their own peers' presence. */
	| { kind: 'query-awareness'; instanceId: string }
	| { kind: 'signal'; instanceId: string; topic: SignalTopic };

export type ClusterMessage =
	/** Every few seconds: alive, and the last [epoch, sequence number] sent per course. */
	| { type: 'heartbeat'; instanceId: string; seqs: Record<string, [epoch: number, seq: number]> }
	/** Shutting down: its peers' presence goes at once. */
	| { type: 'bye'; instanceId: string }
	| { type: 'access'; instanceId: string; change: AccessChange };

export function encodeDocFrame(frame: DocFrame): Buffer {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, DocFrameKind[kindKey(frame.kind)]);
	encoding.writeVarString(encoder, frame.instanceId);
	switch (frame.kind) {
		case 'update':
			encoding.writeVarUint(encoder, frame.epoch);
			encoding.writeVarUint(encoder, frame.seq);
			encoding.writeVarUint8Array(encoder, frame.update);
			break;
		case 'awareness':
			encoding.writeVarUint8Array(encoder, frame.update);
			break;
		case 'signal':
			encoding.writeVarString(encoder, frame.topic);
			break;
		case 'query-awareness':
			break;
	}
	const bytes = encoding.toUint8Array(encoder);
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Decodes a frame from the course channel; throws on anything malformed (the caller logs and drops it). */
export function decodeDocFrame(data: Uint8Array): DocFrame {
	const decoder = decoding.createDecoder(data);
	const kind = decoding.readVarUint(decoder);
	const instanceId = decoding.readVarString(decoder);
	switch (kind) {
		case DocFrameKind.Update: {
			const epoch = decoding.readVarUint(decoder);
			const seq = decoding.readVarUint(decoder);
			return { kind: 'update', instanceId, epoch, seq, update: decoding.readVarUint8Array(decoder) };
		}
		case DocFrameKind.Awareness:
			return { kind: 'awareness', instanceId, update: decoding.readVarUint8Array(decoder) };
		case DocFrameKind.QueryAwareness:
			return { kind: 'query-awareness', instanceId };
		case DocFrameKind.Signal: {
			const topic = decoding.readVarString(decoder);
			if (topic !== 'comments') throw new Error(`unknown signal topic ${topic}`);
			return { kind: 'signal', instanceId, topic };
		}
		default:
			throw new Error(`unknown relay frame kind ${kind}`);
	}
}

function kindKey(kind: DocFrame['kind']): keyof typeof DocFrameKind {
	return ({ update: 'Update', awareness: 'Awareness', 'query-awareness': 'QueryAwareness', signal: 'Signal' } as const)[kind];
}

export function encodeClusterMessage(message: ClusterMessage): string {
	return JSON.stringify(message);
}

/** Parses a cluster message; null for anything that is not one (logged by the caller). */
export function decodeClusterMessage(text: string): ClusterMessage | null {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const message = value as Partial<ClusterMessage> & Record<string, unknown>;
	if (typeof message.instanceId !== 'string') return null;
	switch (message.type) {
		case 'heartbeat':
			return typeof message.seqs === 'object' && message.seqs !== null ? (message as ClusterMessage) : null;
		case 'bye':
			return message as ClusterMessage;
		case 'access':
			return isAccessChange(message.change) ? (message as ClusterMessage) : null;
		default:
			return null;
	}
}

function isAccessChange(value: unknown): value is AccessChange {
	if (typeof value !== 'object' || value === null) return false;
	const change = value as Record<string, unknown>;
	const event = change.event as Record<string, unknown> | undefined;
	if (typeof event?.code !== 'number' || typeof event.reason !== 'string') return false;
	switch (change.scope) {
		case 'course':
			return typeof change.courseId === 'string';
		case 'user':
			return typeof change.userId === 'string';
		case 'session':
			return typeof change.sessionId === 'string';
		default:
			return false;
	}
}
