import type { Kysely } from 'kysely';
import type { Database } from './db/types';
import type { RealtimeServer } from './realtime';

/**
 * What the app's own server code asks of the realtime server: the live state of a course, changes
 * made on the server's side, and telling open sockets that comments or access changed. Domain code
 * receives it (in a LiveContext) and never looks it up, so a test or a second server in one process
 * says which realtime server a change goes to.
 */
export type LiveDocuments = Pick<RealtimeServer, 'snapshot' | 'applyServerUpdate' | 'signal' | 'changeAccess'>;

/**
 * What code that reads or changes course documents needs: the database, and the realtime server
 * when one runs (null in scripts and in tests without one). A request's `locals` is one.
 */
export interface LiveContext {
	db: Kysely<Database>;
	live: LiveDocuments | null;
}

/** A context without a realtime server: changes go straight to storage. For scripts and tests. */
export function withoutLive(db: Kysely<Database>): LiveContext {
	return { db, live: null };
}
