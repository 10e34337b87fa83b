import * as decoding from 'lib0/decoding';
import { MalformedUpdateError, readByte, readBytes, readCount, skipBytes } from './scan-bytes';

export interface ValueLimits {
	/** Nesting of JSON-like values (embeds, format attributes, map values), containers counted. */
	maxValueDepth: number;
	/** Size of one such value: bytes as lib0 encodes it, or characters of its JSON text. */
	maxValueBytes: number;
}

/**
 * Walks one lib0 `any` value iteratively, as lib0's readAny would read it, and says what is wrong
 * with it: nested too deeply, too large, or a bigint (not JSON: it breaks JSON.stringify of the doc).
 */
export function skipAny(decoder: decoding.Decoder, limits: ValueLimits): string | null {
	const start = decoder.pos;
	let problem: string | null = null;
	// Per open container: how many values it still holds, and whether each comes after a key.
	const remaining: number[] = [];
	const keyed: boolean[] = [];
	for (;;) {
		const type = readByte(decoder);
		let opened = false;
		switch (type) {
			case 127: // undefined
			case 126: // null
			case 121: // false
			case 120: // true
				break;
			case 125:
				decoding.readVarInt(decoder);
				break;
			case 124:
				skipBytes(decoder, 4);
				break;
			case 123:
				skipBytes(decoder, 8);
				break;
			case 122:
				skipBytes(decoder, 8);
				problem ??= 'a bigint';
				break;
			case 119:
			case 116: // string, Uint8Array
				readBytes(decoder);
				break;
			case 118: // object
			case 117: {
				// array
				const count = readCount(decoder);
				if (remaining.length + 1 > limits.maxValueDepth) problem ??= `more than ${limits.maxValueDepth} levels`;
				if (count > 0) {
					remaining.push(count);
					keyed.push(type === 118);
					opened = true;
				}
				break;
			}
			default:
				throw new MalformedUpdateError(`unknown value type ${type}`);
		}
		if (!opened) {
			// A value is complete: count it off its container, closing containers that are now full.
			while (remaining.length > 0 && --remaining[remaining.length - 1] === 0) {
				remaining.pop();
				keyed.pop();
			}
			if (remaining.length === 0) break;
		}
		if (keyed[keyed.length - 1]) readBytes(decoder); // the next entry's key
	}
	if (decoder.pos - start > limits.maxValueBytes) problem ??= 'more than the allowed size';
	return problem;
}

/** Nesting and size of a JSON text, measured without parsing it recursively; null when it is fine. */
export function jsonProblem(json: string, limits: ValueLimits): string | null {
	if (json.length > limits.maxValueBytes) return 'more than the allowed size';
	let depth = 0;
	let inString = false;
	for (let i = 0; i < json.length; i++) {
		const char = json.charCodeAt(i);
		if (inString) {
			if (char === 0x5c) i++; // backslash: skip the escaped character
			else if (char === 0x22) inString = false;
		} else if (char === 0x22) {
			inString = true;
		} else if (char === 0x7b || char === 0x5b) {
			if (++depth > limits.maxValueDepth) return `more than ${limits.maxValueDepth} levels`;
		} else if (char === 0x7d || char === 0x5d) {
			depth--;
		}
	}
	try {
		JSON.parse(json);
	} catch {
		return 'invalid JSON';
	}
	return null;
}
