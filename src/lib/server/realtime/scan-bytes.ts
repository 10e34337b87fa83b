import * as decoding from 'lib0/decoding';

// Reading a peer's bytes without trusting them: every length is checked against what is left, since
// lib0 reads through subarrays and would not notice a length that runs past the end of a frame.

export class MalformedUpdateError extends Error {
	constructor(reason: string) {
		super(`Malformed Yjs update: ${reason}`);
		this.name = 'MalformedUpdateError';
	}
}

export function readByte(decoder: decoding.Decoder): number {
	if (decoder.pos >= decoder.arr.length) throw new MalformedUpdateError('unexpected end');
	return decoder.arr[decoder.pos++];
}

/** A count of things that follow, each at least one byte long: more than the bytes left is a lie. */
export function readCount(decoder: decoding.Decoder): number {
	const count = decoding.readVarUint(decoder);
	if (count > decoder.arr.length - decoder.pos) throw new MalformedUpdateError('a count beyond the end');
	return count;
}

export function skipBytes(decoder: decoding.Decoder, length: number): void {
	if (length > decoder.arr.length - decoder.pos) throw new MalformedUpdateError('unexpected end');
	decoder.pos += length;
}

/** Skips a length-prefixed byte string (lib0 varUint8Array or varString); returns its length. */
export function readBytes(decoder: decoding.Decoder): number {
	const length = decoding.readVarUint(decoder);
	skipBytes(decoder, length);
	return length;
}
