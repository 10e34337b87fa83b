import type { Server } from 'node:http';

/** Attaches the realtime (Yjs) server to an http.Server; filled in by the co-authoring work. */
export async function attachLiveServer(_server: Server): Promise<{ close(): Promise<void> }> {
	return { close: async () => {} };
}
