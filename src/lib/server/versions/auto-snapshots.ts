import { NoResultError, type Kysely } from 'kysely';
import * as Y from 'yjs';
import { docToSpec } from '$lib/course-spec/doc';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';
import { addVersion } from './store';
import { thinAutomaticSnapshots } from './thinning';

export interface AutoSnapshotTuning {
	/** At most one snapshot per course in this time while people keep editing. */
	intervalMs: number;
	/** Wait before trying again after the database refused a snapshot. */
	retryMs: number;
	/** Tries per snapshot; the next edit starts a new one anyway. */
	attempts: number;
}

export const DEFAULT_AUTO_SNAPSHOT_TUNING: AutoSnapshotTuning = { intervalMs: 10 * 60 * 1000, retryMs: 60 * 1000, attempts: 5 };

interface Captured {
	state: Uint8Array;
	spec: CourseSpec;
}

interface Pending {
	/** Reads the document when the snapshot is taken: the live room's, or a state captured earlier. */
	read: () => Captured | null;
	authors: Set<string>;
	timer: ReturnType<typeof setTimeout>;
	/** Failed tries so far of the state `read` returns. */
	failures: number;
}

export interface AutoSnapshots {
	/** The realtime server's onStored hook: edits by these people were stored. Cheap: no I/O. */
	recordEdits(courseId: string, doc: Y.Doc, authorIds: readonly string[]): void;
	/** The realtime server's onIdle hook: the last person left, so the burst is over. */
	roomIdle(courseId: string, doc: Y.Doc): Promise<void>;
}

/**
 * Automatic history, like a word processor's version history: after edits to a course are stored,
 * a snapshot is due at most `intervalMs` later (so a long session gets one every ten minutes), and
 * at once when the last person leaves the document. A snapshot records who edited since the
 * previous snapshot; none is added when the spec reads the same as the latest version of any kind.
 *
 * Off the edit path: recordEdits only notes authors and sets a timer; the document is read and the
 * row written when the snapshot is due, one snapshot at a time per course. A failed write is logged
 * and retried with the captured state, and it never touches the live document, so no edit is at
 * risk. Pending snapshots live in this process: a crash loses the snapshot, not the edits.
 */
export function createAutoSnapshots(db: Kysely<Database>, tuning: Partial<AutoSnapshotTuning> = {}): AutoSnapshots {
	const { intervalMs, retryMs, attempts } = { ...DEFAULT_AUTO_SNAPSHOT_TUNING, ...tuning };
	const pending = new Map<string, Pending>();
	const queues = new Map<string, Promise<void>>();

	const liveReader = (doc: Y.Doc) => () => (doc.isDestroyed ? null : { state: Y.encodeStateAsUpdate(doc), spec: docToSpec(doc) });

	function schedule(courseId: string, read: Pending['read'], authors: Iterable<string>, delayMs: number, failures = 0): Pending {
		const timer = setTimeout(() => void take(courseId), delayMs);
		const entry: Pending = { read, authors: new Set(authors), timer, failures };
		entry.timer.unref?.();
		pending.set(courseId, entry);
		return entry;
	}

	function take(courseId: string): Promise<void> {
		const entry = pending.get(courseId);
		if (!entry) return queues.get(courseId) ?? Promise.resolve();
		pending.delete(courseId);
		clearTimeout(entry.timer);
		let captured: Captured | null;
		try {
			// Read now, synchronously: after an idle call returns, the room may destroy its document.
			captured = entry.read();
		} catch (err) {
			console.error(`[versions] reading course ${courseId} for an automatic snapshot failed:`, errorMessage(err));
			return Promise.resolve();
		}
		if (!captured) return Promise.resolve();
		const snapshot = captured;
		const previous = queues.get(courseId) ?? Promise.resolve();
		const next = previous.then(() => store(courseId, snapshot, entry.authors, entry.failures));
		queues.set(courseId, next);
		void next.finally(() => {
			if (queues.get(courseId) === next) queues.delete(courseId);
		});
		return next;
	}

	async function store(courseId: string, snapshot: Captured, authors: Set<string>, failures: number): Promise<void> {
		try {
			const added = await addVersion(
				db,
				{ courseId, kind: 'automatic', ...snapshot, participants: [...authors].sort() },
				{ unlessUnchanged: true }
			);
			if (added.added) await thinAutomaticSnapshots(db, courseId).catch((err) => {
				console.error(`[versions] thinning the snapshots of course ${courseId} failed:`, errorMessage(err));
			});
		} catch (err) {
			// The course was deleted meanwhile: there is nothing to keep a history of.
			if (err instanceof NoResultError) return;
			const giveUp = failures + 1 >= attempts;
			console.error(
				`[versions] automatic snapshot of course ${courseId} failed${giveUp ? '; giving up on this one' : ' (will retry)'}:`,
				errorMessage(err)
			);
			// A newer pending snapshot supersedes this one's state but keeps its authors.
			const newer = pending.get(courseId);
			if (newer) for (const author of authors) newer.authors.add(author);
			else if (!giveUp) schedule(courseId, () => snapshot, authors, retryMs, failures + 1);
		}
	}

	return {
		recordEdits(courseId, doc, authorIds) {
			const entry = pending.get(courseId) ?? schedule(courseId, liveReader(doc), [], intervalMs);
			entry.read = liveReader(doc);
			entry.failures = 0;
			for (const author of authorIds) entry.authors.add(author);
		},
		roomIdle(courseId, doc) {
			const entry = pending.get(courseId);
			if (entry) entry.read = liveReader(doc);
			return take(courseId);
		}
	};
}

function errorMessage(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}
