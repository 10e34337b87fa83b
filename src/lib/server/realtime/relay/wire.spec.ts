import { describe, expect, it } from 'vitest';
import { decodeClusterMessage, decodeDocFrame, encodeClusterMessage, encodeDocFrame, type DocFrame } from './wire';

describe('relay frames', () => {
	const frames: DocFrame[] = [
		{ kind: 'update', instanceId: 'host:1:ab', epoch: 3, seq: 41, update: new Uint8Array([1, 2, 3]) },
		{ kind: 'awareness', instanceId: 'host:1:ab', update: new Uint8Array([0]) },
		{ kind: 'query-awareness', instanceId: 'host:2:cd' },
		{ kind: 'signal', instanceId: 'host:2:cd', topic: 'comments' }
	];

	it.each(frames)('round-trips a $kind frame', (frame) => {
		expect(decodeDocFrame(encodeDocFrame(frame))).toEqual(frame);
	});

	it('refuses unknown kinds, unknown signal topics and truncated frames', () => {
		expect(() => decodeDocFrame(new Uint8Array([9, 0]))).toThrow(/unknown relay frame kind/);
		const signal = encodeDocFrame({ kind: 'signal', instanceId: 'x', topic: 'comments' });
		const other = new Uint8Array(signal);
		other.set(new TextEncoder().encode('commentz'), other.length - 8);
		expect(() => decodeDocFrame(other)).toThrow(/unknown signal topic/);
		const update = encodeDocFrame(frames[0]);
		expect(() => decodeDocFrame(update.subarray(0, update.length - 2))).toThrow();
	});
});

describe('cluster messages', () => {
	it('round-trips heartbeats, goodbyes and access changes', () => {
		const messages = [
			{ type: 'heartbeat', instanceId: 'a', seqs: { course: [1, 5] } },
			{ type: 'bye', instanceId: 'a' },
			{ type: 'access', instanceId: 'a', change: { scope: 'session', sessionId: 's', event: { code: 4401, reason: 'Unauthorized' } } }
		] as const;
		for (const message of messages) expect(decodeClusterMessage(encodeClusterMessage(message as never))).toEqual(message);
	});

	it('drops anything else rather than acting on it', () => {
		expect(decodeClusterMessage('not json')).toBeNull();
		expect(decodeClusterMessage('{"type":"heartbeat"}')).toBeNull();
		expect(decodeClusterMessage('{"type":"access","instanceId":"a","change":{"scope":"everyone"}}')).toBeNull();
		expect(decodeClusterMessage('{"type":"access","instanceId":"a","change":{"scope":"user","userId":"u","event":{"code":"x"}}}')).toBeNull();
		expect(decodeClusterMessage('{"type":"reboot","instanceId":"a"}')).toBeNull();
	});
});
