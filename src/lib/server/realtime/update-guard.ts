import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { scanUpdate, type ScannedStruct, type ScannedUpdate, type StructId, type ValueLimits } from './update-scan';

export { MalformedUpdateError } from './update-scan';

/**
 * What a live course document accepts. No person typing, pasting or formatting comes near these;
 * they keep every value and every shared type far from the nesting at which Yjs' recursive encoding,
 * deletion and garbage collection (and docToSpec, and the browser's editor) overflow the stack:
 * about 5,000 levels for a value, 3,000 for nested Y.Maps (measured on Node 20).
 */
export interface UpdateLimits extends ValueLimits {
	/** Shared types inside shared types: the course layout needs about 8, nested lists add 2 each. */
	maxTypeDepth: number;
}

export const UPDATE_LIMITS: UpdateLimits = {
	maxValueDepth: 32,
	maxValueBytes: 256 * 1024,
	maxTypeDepth: 64
};

/**
 * Why `update` must not be applied to `doc`, or null when it may. Throws MalformedUpdateError when the
 * bytes are not a Yjs update at all. Nothing is applied either way.
 */
export function updateProblem(doc: Y.Doc, update: Uint8Array, limits: UpdateLimits = UPDATE_LIMITS): string | null {
	const scanned = scanUpdate(update, limits);
	for (const struct of structsOf(scanned)) if (struct.problem) return struct.problem;
	// Structs Yjs holds back until their dependencies arrive join the document together with this
	// update, so their nesting is measured together: a deep tree cannot be smuggled in piece by piece.
	const pending = doc.store.pendingStructs ? scanUpdate(Y.convertUpdateFormatV2ToV1(doc.store.pendingStructs.update), limits) : null;
	const depths = new TypeDepths(doc, pending ? [scanned, pending] : [scanned]);
	for (const struct of [...structsOf(scanned), ...(pending ? structsOf(pending) : [])]) {
		if (struct.typeRef !== null && depths.typeDepth(struct) > limits.maxTypeDepth) {
			return `shared types nested more than ${limits.maxTypeDepth} levels deep`;
		}
	}
	return null;
}

/**
 * A stored update made safe for `doc`: every item `updateProblem` would object to keeps its place
 * (its id and length, so everything around it still integrates) but its content becomes deleted
 * content, which is exactly what Yjs stores for removed content. Items nested below a removed type
 * are dropped by Yjs itself when it integrates them.
 */
export function defuseUpdate(
	doc: Y.Doc,
	update: Uint8Array,
	limits: UpdateLimits = UPDATE_LIMITS
): { update: Uint8Array; problems: string[] } {
	const scanned = scanUpdate(update, limits);
	const depths = new TypeDepths(doc, [scanned]);
	const offending: ScannedStruct[] = [];
	const problems = new Set<string>();
	for (const struct of structsOf(scanned)) {
		const problem =
			struct.problem ??
			(struct.typeRef !== null && depths.typeDepth(struct) > limits.maxTypeDepth
				? `shared types nested more than ${limits.maxTypeDepth} levels deep`
				: null);
		if (problem) {
			offending.push(struct);
			problems.add(problem);
		}
	}
	if (offending.length === 0) return { update, problems: [] };
	offending.sort((a, b) => a.start - b.start);
	const encoder = encoding.createEncoder();
	let copied = 0;
	for (const struct of offending) {
		encoding.writeUint8Array(encoder, update.subarray(copied, struct.start));
		// Same origin, parent and key flags; content ref 1 (ContentDeleted) with the same length.
		encoding.writeUint8(encoder, (update[struct.start] & 0xe0) | 1);
		encoding.writeUint8Array(encoder, update.subarray(struct.start + 1, struct.contentStart));
		encoding.writeVarUint(encoder, struct.length);
		copied = struct.end;
	}
	encoding.writeUint8Array(encoder, update.subarray(copied));
	return { update: encoding.toUint8Array(encoder), problems: [...problems] };
}

/**
 * Applies stored parts of a document one by one, defusing what is unsafe and skipping what cannot be
 * read, so that one bad row never keeps a course from opening: the rest is served. `report` hears
 * about every part that was changed or skipped.
 */
export function applyStoredParts(
	doc: Y.Doc,
	parts: Uint8Array[],
	report: (part: number, problem: string) => void,
	/** How many leading parts were written from a guarded document: applied without reading them twice. */
	trustedParts = 0
): void {
	doc.transact(() => {
		parts.forEach((part, index) => {
			try {
				if (index < trustedParts) {
					Y.applyUpdate(doc, part);
					return;
				}
				const safe = defuseUpdate(doc, part);
				for (const problem of safe.problems) report(index, `${problem} (removed)`);
				Y.applyUpdate(doc, safe.update);
			} catch (err) {
				report(index, `unreadable (${err instanceof Error ? err.message : String(err)}), skipped`);
			}
		});
	});
}

function* structsOf(scanned: ScannedUpdate): Iterable<ScannedStruct> {
	for (const structs of scanned.clients.values()) yield* structs;
}

/**
 * How deeply shared types are nested, for structs of incoming updates whose parent may be in the
 * same update, in the document, or (when it is implied by the struct's neighbour) wherever that
 * neighbour is. Iterative and memoised: runs of thousands of items are common in a sync.
 */
class TypeDepths {
	private readonly parentDepths = new Map<ScannedStruct, number>();
	private readonly docTypeDepths = new Map<Y.AbstractType<unknown>, number>();

	constructor(
		private readonly doc: Y.Doc,
		private readonly updates: ScannedUpdate[]
	) {}

	/** The nesting of the type a ContentType struct creates: 1 for a type directly in a root type. */
	typeDepth(struct: ScannedStruct): number {
		return this.parentDepth(struct) + 1;
	}

	/**
	 * How deeply nested the type holding `struct` is (0: a root type). Follows parents and neighbours
	 * through the update without recursion; what it cannot find (not yet received) counts as a root.
	 */
	private parentDepth(struct: ScannedStruct): number {
		// Each link: parentDepth(chain[i]) = parentDepth(chain[i + 1]) + steps[i].
		const chain: ScannedStruct[] = [];
		const steps: number[] = [];
		const seen = new Set<ScannedStruct>();
		let base = 0;
		let current: ScannedStruct | null = struct;
		while (current) {
			const known = this.parentDepths.get(current);
			if (known !== undefined) {
				base = known;
				break;
			}
			if (seen.has(current)) break; // a cycle of neighbours never integrates; Yjs keeps it pending
			seen.add(current);
			chain.push(current);
			const next = this.nextLink(current);
			if (typeof next === 'number') {
				base = next;
				break;
			}
			steps.push(next.step);
			current = next.struct;
		}
		let depth = base;
		for (let i = chain.length - 1; i >= 0; i--) {
			if (i < steps.length) depth += steps[i];
			this.parentDepths.set(chain[i], depth);
		}
		return depth;
	}

	/** Where the parent of `struct` is decided: another struct of the update, or a known depth. */
	private nextLink(struct: ScannedStruct): { struct: ScannedStruct; step: number } | number {
		const { parent } = struct;
		if (struct.kind !== 'item' || parent === 'root') return 0;
		if (parent) {
			const holder = this.findScanned(parent.id);
			if (holder) return holder.kind === 'item' && holder.typeRef !== null ? { struct: holder, step: 1 } : 0;
			const item = this.findInDoc(parent.id);
			return item?.content instanceof Y.ContentType ? this.docTypeDepth(item.content.type) : 0;
		}
		// No parent written: it is the parent of the left (or right) neighbour the item was made next to.
		const neighbour = struct.origin ?? struct.rightOrigin;
		if (!neighbour) return 0;
		const inUpdate = this.findScanned(neighbour);
		return inUpdate ? { struct: inUpdate, step: 0 } : this.docParentDepthAt(neighbour);
	}

	private docParentDepthAt(id: StructId): number {
		const item = this.findInDoc(id);
		return item && item.parent instanceof Y.AbstractType ? this.docTypeDepth(item.parent) : 0;
	}

	private docTypeDepth(type: Y.AbstractType<unknown>): number {
		const cached = this.docTypeDepths.get(type);
		if (cached !== undefined) return cached;
		let depth = 0;
		for (let item = type._item; item; item = item.parent instanceof Y.AbstractType ? item.parent._item : null) depth++;
		this.docTypeDepths.set(type, depth);
		return depth;
	}

	private findInDoc(id: StructId): Y.Item | null {
		if (Y.getState(this.doc.store, id.client) <= id.clock) return null;
		const struct = Y.getItem(this.doc.store, Y.createID(id.client, id.clock));
		return struct instanceof Y.Item ? struct : null;
	}

	private findScanned(id: StructId): ScannedStruct | null {
		for (const update of this.updates) {
			const structs = update.clients.get(id.client);
			if (!structs) continue;
			let low = 0;
			let high = structs.length - 1;
			while (low <= high) {
				const mid = (low + high) >> 1;
				const struct = structs[mid];
				if (id.clock < struct.clock) high = mid - 1;
				else if (id.clock >= struct.clock + struct.length) low = mid + 1;
				else return struct.kind === 'skip' ? null : struct;
			}
		}
		return null;
	}
}
