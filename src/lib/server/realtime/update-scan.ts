import * as decoding from 'lib0/decoding';
import { MalformedUpdateError, readByte, readBytes, readCount, skipBytes } from './scan-bytes';
import { jsonProblem, skipAny, type ValueLimits } from './value-scan';

export { MalformedUpdateError } from './scan-bytes';
export { jsonProblem, type ValueLimits } from './value-scan';

/**
 * Reads a Yjs (v1) update without applying it and without building Yjs objects, to find what a peer
 * is about to put into a live document. Yjs itself decodes and re-encodes content recursively: a value
 * nested some thousands of levels deep parses (JSON.parse is iterative) but overflows the stack the
 * next time the document is encoded, which wedges the room for everyone. This reader never recurses,
 * checks every length against the frame, and reports each item's place so the guard can resolve how
 * deeply its shared type is nested.
 *
 * The layout follows yjs/src/utils/encoding.js (readClientsStructRefs, readItemContent, the delete
 * set) and lib0's readAny; the spec beside this file checks it against Y.decodeUpdate.
 */

export interface StructId {
	client: number;
	clock: number;
}

export type ScannedParent = 'root' | { id: StructId } | null;

const ROOT = 'root';

export interface ScannedStruct {
	client: number;
	clock: number;
	length: number;
	/** GC and Skip structs hold no content and no place; they only take up clocks. */
	kind: 'item' | 'gc' | 'skip';
	origin: StructId | null;
	rightOrigin: StructId | null;
	/** Null when the item sits next to its origin and so shares its parent. */
	parent: ScannedParent;
	/** The shared type this item creates (Y.Array 0 … Y.XmlText 6), or null for other content. */
	typeRef: number | null;
	/** Why the content must not enter a document, or null. */
	problem: string | null;
	/** Byte offsets in the update: the info byte, the content, the end of the struct. */
	start: number;
	contentStart: number;
	end: number;
}

export interface ScannedUpdate {
	/** Structs per client, in clock order, as they appear in the update. */
	clients: Map<number, ScannedStruct[]>;
}

/** Type refs as yjs/src/structs/ContentType.js numbers them. */
export const TypeRef = { Array: 0, Map: 1, Text: 2, XmlElement: 3, XmlFragment: 4, XmlHook: 5, XmlText: 6 } as const;

const CONTENT = { Deleted: 1, JSON: 2, Binary: 3, String: 4, Embed: 5, Format: 6, Type: 7, Any: 8, Doc: 9 } as const;
const STRUCT_GC = 0;
const STRUCT_SKIP = 10;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_PARENT_SUB = 0x20;

/** Scans a whole update; throws MalformedUpdateError when its bytes do not form one. */
export function scanUpdate(update: Uint8Array, limits: ValueLimits): ScannedUpdate {
	const decoder = decoding.createDecoder(update);
	try {
		const clients = new Map<number, ScannedStruct[]>();
		const clientCount = readCount(decoder);
		for (let c = 0; c < clientCount; c++) {
			const structCount = readCount(decoder);
			const client = decoding.readVarUint(decoder);
			let clock = decoding.readVarUint(decoder);
			const structs = clients.get(client) ?? [];
			clients.set(client, structs);
			for (let s = 0; s < structCount; s++) {
				const struct = readStruct(decoder, client, clock, limits);
				structs.push(struct);
				clock += struct.length;
			}
		}
		skipDeleteSet(decoder);
		for (const structs of clients.values()) structs.sort((a, b) => a.clock - b.clock);
		return { clients };
	} catch (err) {
		if (err instanceof MalformedUpdateError) throw err;
		throw new MalformedUpdateError(err instanceof Error ? err.message : String(err));
	}
}

function readStruct(decoder: decoding.Decoder, client: number, clock: number, limits: ValueLimits): ScannedStruct {
	const start = decoder.pos;
	const info = readByte(decoder);
	const ref = info & 0x1f;
	const struct: ScannedStruct = {
		client,
		clock,
		length: 0,
		kind: 'item',
		origin: null,
		rightOrigin: null,
		parent: null,
		typeRef: null,
		problem: null,
		start,
		contentStart: start,
		end: start
	};
	if (ref === STRUCT_GC || ref === STRUCT_SKIP) {
		struct.kind = ref === STRUCT_GC ? 'gc' : 'skip';
		struct.length = decoding.readVarUint(decoder);
	} else {
		if (info & HAS_ORIGIN) struct.origin = readId(decoder);
		if (info & HAS_RIGHT_ORIGIN) struct.rightOrigin = readId(decoder);
		if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
			if (decoding.readVarUint(decoder) === 1) {
				readBytes(decoder); // the root type's name
				struct.parent = ROOT;
			} else {
				struct.parent = { id: readId(decoder) };
			}
			if (info & HAS_PARENT_SUB) readBytes(decoder); // the map key
		}
		struct.contentStart = decoder.pos;
		readContent(decoder, ref, struct, limits);
	}
	struct.end = decoder.pos;
	return struct;
}

function readContent(decoder: decoding.Decoder, ref: number, struct: ScannedStruct, limits: ValueLimits): void {
	const refuse = (problem: string) => (struct.problem ??= problem);
	switch (ref) {
		case CONTENT.Deleted:
			struct.length = decoding.readVarUint(decoder);
			return;
		case CONTENT.JSON: {
			struct.length = readCount(decoder);
			for (let i = 0; i < struct.length; i++) {
				const json = readString(decoder);
				if (json !== 'undefined') {
					const problem = jsonProblem(json, limits);
					if (problem) refuse(problem);
				}
			}
			return;
		}
		case CONTENT.Binary:
			struct.length = 1;
			if (readBytes(decoder) > limits.maxValueBytes) refuse('a binary value too large');
			return;
		case CONTENT.String:
			struct.length = readUtf16Length(decoder);
			return;
		case CONTENT.Embed: {
			struct.length = 1;
			const problem = jsonProblem(readString(decoder), limits);
			if (problem) refuse(`an embed with ${problem}`);
			return;
		}
		case CONTENT.Format: {
			struct.length = 1;
			readBytes(decoder); // the attribute's name
			const problem = jsonProblem(readString(decoder), limits);
			if (problem) refuse(`a format attribute with ${problem}`);
			return;
		}
		case CONTENT.Type: {
			struct.length = 1;
			const typeRef = decoding.readVarUint(decoder);
			if (typeRef > TypeRef.XmlText) throw new MalformedUpdateError(`unknown type ${typeRef}`);
			if (typeRef === TypeRef.XmlElement || typeRef === TypeRef.XmlHook) readBytes(decoder); // its name
			struct.typeRef = typeRef;
			if (typeRef === TypeRef.XmlHook) refuse('a Y.XmlHook, which no course document uses');
			return;
		}
		case CONTENT.Any: {
			struct.length = readCount(decoder);
			for (let i = 0; i < struct.length; i++) {
				const problem = skipAny(decoder, limits);
				if (problem) refuse(`a value with ${problem}`);
			}
			return;
		}
		case CONTENT.Doc:
			struct.length = 1;
			readBytes(decoder); // guid
			skipAny(decoder, limits); // options
			refuse('a subdocument, which no course document uses');
			return;
		default:
			throw new MalformedUpdateError(`unknown content ${ref}`);
	}
}

function skipDeleteSet(decoder: decoding.Decoder): void {
	const clientCount = readCount(decoder);
	for (let c = 0; c < clientCount; c++) {
		decoding.readVarUint(decoder); // client
		const ranges = readCount(decoder);
		for (let r = 0; r < ranges; r++) {
			decoding.readVarUint(decoder); // clock
			decoding.readVarUint(decoder); // length
		}
	}
}

function readId(decoder: decoding.Decoder): StructId {
	const client = decoding.readVarUint(decoder);
	return { client, clock: decoding.readVarUint(decoder) };
}

/**
 * The length Yjs gives a string item: UTF-16 code units of the UTF-8 bytes, counted without decoding
 * (one unit per character, two for four-byte characters). Bytes that are not valid UTF-8 make Yjs
 * refuse the update when it decodes it, so their count does not matter.
 */
function readUtf16Length(decoder: decoding.Decoder): number {
	const length = decoding.readVarUint(decoder);
	const start = decoder.pos;
	skipBytes(decoder, length);
	const bytes = decoder.arr;
	let units = 0;
	for (let i = start; i < start + length; i++) {
		const byte = bytes[i];
		if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
	}
	return units;
}

function readString(decoder: decoding.Decoder): string {
	const start = decoder.pos;
	skipBytes(decoder, decoding.readVarUint(decoder));
	decoder.pos = start;
	// Decoded by lib0 itself (BOM kept, invalid UTF-8 refused), so string lengths agree with Yjs.
	return decoding.readVarString(decoder);
}
