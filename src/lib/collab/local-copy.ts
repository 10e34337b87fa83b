import * as Y from 'yjs';

// Each person's copy of a course lives in its own IndexedDB database, named after both, so one person
// never opens another's copy on a shared computer; logging out and losing access delete it.
const PREFIX = 'co-course';
const STORE = 'updates';
const nameFor = (userId: string, courseId: string) => `${PREFIX}/${userId}/${courseId}`;
/** Past this many stored updates, the next load folds them into one. */
const COMPACT_AFTER = 200;

/**
 * The course document kept in this browser, so that edits made offline survive closing the tab and
 * are merged when the course is opened again (the server then receives what it lacks, as on any
 * reconnect). y-indexeddb does the same, but cannot say when a write has reached the disk, and
 * "saved on this device" must be true when the page says it.
 */
export class LocalCopy {
	#db: Promise<IDBDatabase>;
	#pending = 0;
	#failed = false;
	#closed = false;
	readonly #doc: Y.Doc;
	readonly #name: string;
	readonly #onUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin !== this) this.#store(update);
	};

	constructor(
		userId: string,
		courseId: string,
		doc: Y.Doc,
		private readonly events: { onLoaded: (hadContent: boolean) => void; onSavedChange: () => void }
	) {
		this.#doc = doc;
		this.#name = nameFor(userId, courseId);
		this.#db = open(this.#name);
		// Everything from now on is stored, also while the stored copy is still being read.
		doc.on('update', this.#onUpdate);
		this.#db.then((db) => this.#load(db)).catch((err) => console.warn('[local copy] not available:', err));
	}

	/** Every change so far has been written to the browser's storage. */
	get saved(): boolean {
		return this.#pending === 0 && !this.#failed;
	}

	/** The person lost access: keep nothing of the course in this browser. */
	async forget(): Promise<void> {
		await this.destroy();
		await request(indexedDB.deleteDatabase(this.#name)).catch(() => {});
	}

	async destroy(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		this.#doc.off('update', this.#onUpdate);
		(await this.#db.catch(() => null))?.close();
	}

	/** Deletes every course copy of this person (at logout). */
	static async forgetAll(userId: string): Promise<void> {
		if (typeof indexedDB === 'undefined' || !indexedDB.databases) return;
		for (const { name } of await indexedDB.databases()) {
			if (name?.startsWith(`${PREFIX}/${userId}/`)) indexedDB.deleteDatabase(name);
		}
	}

	async #load(db: IDBDatabase): Promise<void> {
		const transaction = db.transaction(STORE, 'readwrite');
		const store = transaction.objectStore(STORE);
		const [keys, updates] = await Promise.all([
			request<IDBValidKey[]>(store.getAllKeys()),
			request<Uint8Array[]>(store.getAll())
		]);
		if (this.#closed) return;
		Y.transact(this.#doc, () => updates.forEach((update) => Y.applyUpdate(this.#doc, update)), this, false);
		if (keys.length > COMPACT_AFTER) {
			// Replace what was read by one state; changes stored meanwhile have later keys and stay.
			store.add(Y.encodeStateAsUpdate(this.#doc));
			store.delete(IDBKeyRange.upperBound(keys[keys.length - 1]));
		}
		this.events.onLoaded(this.#doc.store.clients.size > 0);
	}

	#store(update: Uint8Array): void {
		if (this.#closed) return;
		this.#pending += 1;
		if (this.#pending === 1) this.events.onSavedChange();
		const done = (ok: boolean) => {
			this.#failed = !ok;
			this.#pending -= 1;
			this.events.onSavedChange();
		};
		this.#db
			.then(
				(db) =>
					new Promise<void>((resolve, reject) => {
						const transaction = db.transaction(STORE, 'readwrite');
						transaction.objectStore(STORE).add(update);
						transaction.oncomplete = () => resolve();
						transaction.onerror = transaction.onabort = () => reject(transaction.error);
					})
			)
			.then(
				() => done(true),
				(err) => {
					console.warn('[local copy] a change was not stored in the browser:', err);
					done(false);
				}
			);
	}
}

function open(name: string): Promise<IDBDatabase> {
	const opening = indexedDB.open(name, 1);
	opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { autoIncrement: true });
	return request(opening);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}
