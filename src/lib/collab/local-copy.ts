import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

// Each person's copy of a course lives in its own IndexedDB database, named after both, so one person
// never opens another's copy on a shared computer; logging out and losing access delete it.
const PREFIX = 'co-course';
const nameFor = (userId: string, courseId: string) => `${PREFIX}/${userId}/${courseId}`;

/**
 * The course document kept in this browser, so that edits made offline survive closing the tab and
 * are merged when the course is opened again (the server then receives what it lacks, as on any
 * reconnect).
 */
export class LocalCopy {
	readonly #persistence: IndexeddbPersistence;
	#loaded = false;

	constructor(userId: string, courseId: string, doc: Y.Doc, onLoaded: (hadContent: boolean) => void) {
		this.#persistence = new IndexeddbPersistence(nameFor(userId, courseId), doc);
		this.#persistence.on('synced', () => {
			this.#loaded = true;
			onLoaded(doc.store.clients.size > 0);
		});
	}

	/** The origin of the changes it reads back from the browser's storage. */
	get origin(): unknown {
		return this.#persistence;
	}

	/** True once the stored copy has been read into the document (from then on every change is stored). */
	get loaded(): boolean {
		return this.#loaded;
	}

	/** The person lost access: keep nothing of the course in this browser. */
	forget(): Promise<void> {
		return this.#persistence.clearData();
	}

	destroy(): Promise<void> {
		return this.#persistence.destroy();
	}

	/** Deletes every course copy of this person (at logout). */
	static async forgetAll(userId: string): Promise<void> {
		if (typeof indexedDB === 'undefined' || !indexedDB.databases) return;
		const databases = await indexedDB.databases();
		for (const { name } of databases) {
			if (name?.startsWith(`${PREFIX}/${userId}/`)) indexedDB.deleteDatabase(name);
		}
	}
}
