import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Perspective } from '$lib/roles';
import { colorForUser } from './colors';
import type { TextCursor } from './text-binding';

export interface PresenceUser {
	id: string;
	name: string;
	color: string;
	perspective: Perspective | null;
}

export interface Peer extends PresenceUser {
	clientId: number;
	/** The spec field the peer is in (a field key from the course-spec field list), if any. */
	field: string | null;
	/** The peer's caret in a plain-text field, as Yjs relative positions. */
	textCursor: TextCursor | null;
	self: boolean;
}

/** Close code the server sends when a peer's role changed (see server close-codes.ts). */
const ACCESS_CHANGED = 4000;

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

/**
 * One live course document in the browser: the Y.Doc, its y-websocket connection and presence.
 * Created in the browser only (never during SSR), and destroyed with the page that made it.
 */
export class CollabSession {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;

	#status = $state<ConnectionStatus>('connecting');
	#synced = $state(false);
	#unsent = $state(false);
	#peers = $state<Peer[]>([]);
	#everConnected = false;
	#failures = $state(0);

	/** Called when the server closed the connection because this person's permissions changed. */
	onAccessChanged: () => void = () => {};

	/** Who this tab is, as the server knows them (the server refuses presence that claims otherwise). */
	readonly me: PresenceUser;

	constructor(courseId: string, user: PresenceUser) {
		this.me = { ...user, color: user.color || colorForUser(user.id) };
		const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
		this.provider = new WebsocketProvider(`${protocol}//${location.host}/collab`, courseId, this.doc, {
			// Cross-tab sharing would bypass the server's read-only check; every tab talks to the server.
			disableBc: true,
			maxBackoffTime: 5000
		});
		// Not the 'user' field: Tiptap's caret extension writes its own { name, color } there.
		this.provider.awareness.setLocalStateField('person', this.me);
		this.provider.awareness.setLocalStateField('field', null);

		this.provider.on('status', ({ status }: { status: string }) => {
			if (status === 'connected') {
				this.#everConnected = true;
				this.#failures = 0;
				this.#status = 'connected';
			} else if (this.#status === 'refused') {
				return;
			} else if (status === 'connecting') {
				this.#status = this.#everConnected ? 'reconnecting' : 'connecting';
			} else {
				this.#status = navigator.onLine === false ? 'offline' : 'reconnecting';
			}
		});
		this.provider.on('connection-error', () => (this.#failures += 1));
		// 44xx: the server says reconnecting cannot help (signed out, removed from the team).
		this.provider.on('connection-close', (event: CloseEvent | null) => {
			if (event && event.code >= 4400 && event.code < 4500) this.#status = 'refused';
			else if (event?.code === ACCESS_CHANGED) this.onAccessChanged();
		});
		this.provider.on('sync', (synced: boolean) => {
			this.#synced = synced;
			// A completed sync exchange means the server has everything this tab had.
			if (synced) this.#unsent = false;
		});
		this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin !== this.provider && !this.provider.wsconnected) this.#unsent = true;
		});
		this.provider.awareness.on('change', () => this.#readPeers());
		this.#readPeers();
	}

	get status() {
		return this.#status;
	}
	/** True once the first sync with the server completed: the document shows the real content. */
	get synced() {
		return this.#synced;
	}
	/** Local edits made while disconnected that the server has not confirmed yet. */
	get unsent() {
		return this.#unsent;
	}
	get peers() {
		return this.#peers;
	}
	/** Consecutive failed connection attempts (e.g. signed out, or removed from the course). */
	get failures() {
		return this.#failures;
	}

	/** Tells the others which field this person is in. */
	setField(field: string | null) {
		if (this.provider.awareness.getLocalState()?.field !== field) {
			this.provider.awareness.setLocalStateField('field', field);
		}
	}

	/** Shares this person's caret in a plain-text field (null when it leaves the field). */
	setTextCursor(cursor: TextCursor | null) {
		const current = this.provider.awareness.getLocalState()?.textCursor as TextCursor | null | undefined;
		if (cursor === null && current && current.target) {
			this.provider.awareness.setLocalStateField('textCursor', null);
		} else if (cursor) {
			this.provider.awareness.setLocalStateField('textCursor', cursor);
		}
	}

	destroy() {
		this.provider.awareness.setLocalState(null);
		this.provider.destroy();
		this.doc.destroy();
	}

	#readPeers() {
		const self = this.provider.awareness.clientID;
		const peers: Peer[] = [];
		for (const [clientId, state] of this.provider.awareness.getStates()) {
			const user = state.person as PresenceUser | undefined;
			if (!user?.id) continue;
			peers.push({
				...user,
				clientId,
				field: (state.field as string | null) ?? null,
				textCursor: (state.textCursor as TextCursor | null) ?? null,
				self: clientId === self
			});
		}
		peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
		this.#peers = peers;
	}
}
