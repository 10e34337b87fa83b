// A small in-process LRU for built exports and rendered badges. Entries are keyed by everything the
// bytes depend on (content hash, format, language, badge hash, the addresses and provider), so an
// entry is never stale: it is only ever evicted. Bounded by total size, since EDC templates carry
// their display images and run to a few hundred KiB.

export interface Sized {
	size: number;
}

export class LruCache<V extends Sized> {
	#entries = new Map<string, V>();
	#bytes = 0;

	constructor(readonly maxBytes: number) {}

	get(key: string): V | undefined {
		const value = this.#entries.get(key);
		if (value === undefined) return undefined;
		// Re-inserting moves it to the end: Map keeps insertion order, so the first key is the oldest.
		this.#entries.delete(key);
		this.#entries.set(key, value);
		return value;
	}

	set(key: string, value: V): void {
		if (value.size > this.maxBytes) return;
		const old = this.#entries.get(key);
		if (old) {
			this.#bytes -= old.size;
			this.#entries.delete(key);
		}
		this.#entries.set(key, value);
		this.#bytes += value.size;
		for (const [oldest, entry] of this.#entries) {
			if (this.#bytes <= this.maxBytes) break;
			this.#entries.delete(oldest);
			this.#bytes -= entry.size;
		}
	}

	clear(): void {
		this.#entries.clear();
		this.#bytes = 0;
	}

	get bytes(): number {
		return this.#bytes;
	}

	get size(): number {
		return this.#entries.size;
	}
}

/** Memoises an async build per key; concurrent requests for one key share one build. */
export async function cached<V extends Sized>(cache: LruCache<V>, key: string, build: () => V | Promise<V>): Promise<V> {
	const hit = cache.get(key);
	if (hit) return hit;
	let pending = inFlight.get(key) as Promise<V> | undefined;
	if (!pending) {
		pending = Promise.resolve()
			.then(build)
			.finally(() => inFlight.delete(key));
		inFlight.set(key, pending);
	}
	const value = await pending;
	cache.set(key, value);
	return value;
}

const inFlight = new Map<string, Promise<Sized>>();
