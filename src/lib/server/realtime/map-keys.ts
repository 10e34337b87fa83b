import * as Y from 'yjs';

// Yjs types a shared type by its events; any shared type will do here.
type SharedType = Y.AbstractType<any>;

/** A key of a root-level Y.Map, e.g. ['meta', 'languages']. */
export type MapKey = readonly [root: string, key: string];

/**
 * Whether applying `update` to `doc` would set or delete one of `keys`. Run on updates that passed
 * the update guard (so decoding them is safe), before they are applied.
 *
 * A map value is an item whose parent and key are written only when it has no neighbour; setting a
 * key again places the new item next to the old one (its origin) and omits both, so they are looked
 * up through the neighbour, in the update or in the document. Deleting a key is a delete-set range
 * over the old item, found in the document (and only counts while that item is not deleted yet).
 */
export function changesMapKeys(doc: Y.Doc, update: Uint8Array, keys: readonly MapKey[]): boolean {
	if (keys.length === 0) return false;
	const roots = new Map<SharedType, string>();
	for (const [name, type] of doc.share) roots.set(type, name);
	const wanted = (root: string | null, key: string | null) => keys.some(([r, k]) => r === root && k === key);
	const { structs, ds } = Y.decodeUpdate(update);
	const inUpdate = new Map<string, Y.Item>();
	for (const struct of structs) if (struct instanceof Y.Item) inUpdate.set(`${struct.id.client}:${struct.id.clock}`, struct);

	/** The root map's name and key an item of the document is under, if it is directly in a root type. */
	const placeInDoc = (item: Y.Item): [string | null, string | null] => {
		const parent = item.parent instanceof Y.AbstractType ? item.parent : null;
		return [parent && parent._item === null ? (roots.get(parent) ?? null) : null, item.parentSub];
	};
	const findInDoc = (id: Y.ID): Y.Item | null => {
		if (Y.getState(doc.store, id.client) <= id.clock) return null;
		const struct = Y.getItem(doc.store, id);
		return struct instanceof Y.Item ? struct : null;
	};
	const rootName = (type: SharedType): string | null => {
		for (const [name, t] of type.doc?.share ?? []) if (t === type) return name;
		return null;
	};
	// Memoised: a run of typed characters is a chain of neighbours, each found through the previous one.
	type Place = [string | null, string | null];
	const places = new Map<Y.Item, Place>();
	const placeOf = (item: Y.Item): Place => {
		const chain: Y.Item[] = [];
		const inChain = new Set<Y.Item>();
		let place: Place = [null, null];
		let current: Y.Item | null = item;
		while (current) {
			const known = places.get(current);
			if (known) {
				place = known;
				break;
			}
			if (inChain.has(current)) break; // a cycle of neighbours never integrates
			chain.push(current);
			inChain.add(current);
			if (current.parent !== null) {
				// A decoded item names a root parent (some Yjs versions resolve it to a type of a scratch
				// document instead); a nested parent is an id.
				const parent: unknown = current.parent;
				place = [typeof parent === 'string' ? parent : parent instanceof Y.AbstractType ? rootName(parent) : null, current.parentSub];
				break;
			}
			const neighbour: Y.ID | null = current.origin ?? current.rightOrigin;
			if (!neighbour) break;
			const next = inUpdate.get(`${neighbour.client}:${neighbour.clock}`);
			if (next) {
				current = next;
				continue;
			}
			const inDoc = findInDoc(neighbour);
			if (inDoc) place = placeInDoc(inDoc);
			break;
		}
		for (const linked of chain) places.set(linked, place);
		return place;
	};

	// Only what is new to the document counts: an update repeats items the document has (a sync sends
	// what it cannot tell is known) and always carries the sender's whole delete set, old deletions too.
	const isNew = (item: Y.Item) => item.id.clock + item.length > Y.getState(doc.store, item.id.client);
	for (const item of inUpdate.values()) if (isNew(item) && wanted(...placeOf(item))) return true;
	for (const [client, ranges] of ds.clients) {
		for (const { clock, len } of ranges) {
			for (let at = clock; at < clock + len; ) {
				const item = findInDoc(Y.createID(client, at));
				if (!item) break;
				if (!item.deleted && wanted(...placeInDoc(item))) return true;
				at = item.id.clock + item.length;
			}
		}
	}
	return false;
}
