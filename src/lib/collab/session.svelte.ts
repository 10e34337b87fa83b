import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Perspective } from '$lib/roles';
import { colorForUser } from './colors';
import { ConnectionWatch } from './connection-watch';
import { LocalCopy } from './local-copy';
import type { TextCursor } from './text-binding';
import { createUndoManager, EditorUndoHandle } from './undo';

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
	/** The list item of that field (an outcome, module or assessment id), when it belongs to one. */
	item: string | null;
	/** The peer's caret in a plain-text field, as Yjs relative positions. */
	textCursor: TextCursor | null;
	self: boolean;
}

/** Someone in the course now, however many tabs they have open. */
export interface Person extends PresenceUser {
	/** This person is the one using this tab. */
	self: boolean;
	tabs: number;
}

/** Close code the server sends when a peer's role changed (see server close-codes.ts). */
const ACCESS_CHANGED = 4000;
/** Close code for a peer that lost access to the course (removed from the team). */
const FORBIDDEN = 4403;

/**
 * - connecting: the first attempt is under way
 * - connected: messages flow both ways (checked every second or so, not just the socket's word)
 * - reconnecting: the connection was lost and an attempt to get it back is under way right now
 * - offline: not connected and not trying this moment (no network, or waiting before the next try)
 * - refused: the server said reconnecting cannot help (signed out, no access)
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

export interface SessionOptions {
	/** Keep a copy in this browser (IndexedDB) so that offline edits survive closing the tab. */
	keepLocalCopy: boolean;
}

/**
 * One live course document in the browser: the Y.Doc, its y-websocket connection, presence, this
 * person's undo history and the copy kept in the browser. Created in the browser only (never during
 * SSR), and destroyed with the page that made it.
 */
export class CollabSession {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	readonly undoManager: Y.UndoManager;

	#status = $state<ConnectionStatus>('connecting');
	#synced = $state(false);
	#unsent = $state(false);
	#peers = $state<Peer[]>([]);
	#people = $state<Person[]>([]);
	#failures = $state(0);
	#canUndo = $state(false);
	#canRedo = $state(false);
	#restoredLocally = $state(false);
	#savedLocally = $state(true);
	#everConnected = false;
	#refused = false;
	readonly #watch: ConnectionWatch;
	readonly #localCopy: LocalCopy | null;
	readonly #onNetworkChange = () => this.#networkChanged();

	/** Called when the server closed the connection because this person's permissions changed. */
	onAccessChanged: () => void = () => {};

	/** Who this tab is, as the server knows them (the server refuses presence that claims otherwise). */
	readonly me: PresenceUser;

	constructor(courseId: string, user: PresenceUser, options: SessionOptions = { keepLocalCopy: false }) {
		this.me = { ...user, color: user.color || colorForUser(user.id) };
		this.undoManager = createUndoManager(this.doc);
		this.#localCopy = options.keepLocalCopy
			? new LocalCopy(user.id, courseId, this.doc, {
					onLoaded: (hadContent) => (this.#restoredLocally = hadContent),
					onSavedChange: () => (this.#savedLocally = this.#localCopy?.saved ?? true)
				})
			: null;
		const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
		this.provider = new WebsocketProvider(`${protocol}//${location.host}/collab`, courseId, this.doc, {
			// Cross-tab sharing would bypass the server's read-only check; every tab talks to the server.
			disableBc: true,
			maxBackoffTime: 5000
		});
		this.#watch = new ConnectionWatch(this.provider, {
			onLost: () => this.#reconnectNow(),
			onChange: () => (this.#unsent = this.#watch.unsent)
		});
		// Not the 'user' field: Tiptap's caret extension writes its own { name, color } there.
		this.provider.awareness.setLocalStateField('person', this.me);
		this.provider.awareness.setLocalStateField('field', null);

		this.provider.on('status', ({ status }: { status: string }) => {
			if (status === 'connected') {
				this.#everConnected = true;
				this.#failures = 0;
			}
			this.#refreshStatus();
		});
		this.provider.on('connection-error', () => (this.#failures += 1));
		this.provider.on('connection-close', (event: CloseEvent | null) => {
			this.#watch.reset();
			// 44xx: the server says reconnecting cannot help (signed out, removed from the team).
			if (event && event.code >= 4400 && event.code < 4500) {
				this.#refused = true;
				if (event.code === FORBIDDEN) void this.#localCopy?.forget();
			} else if (event?.code === ACCESS_CHANGED) this.onAccessChanged();
			this.#refreshStatus();
		});
		this.provider.on('sync', (synced: boolean) => {
			this.#synced = synced;
			// Everything this tab had was sent before the server's answer arrived: confirm it now.
			if (synced) this.#watch.probe();
		});
		this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			// Changes from the server and from the browser's stored copy are not this tab's edits.
			if (origin !== this.provider && origin !== this.#localCopy) this.#watch.recordEdit();
		});
		const readUndoState = () => {
			this.#canUndo = this.undoManager.canUndo();
			this.#canRedo = this.undoManager.canRedo();
		};
		for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
			this.undoManager.on(event, readUndoState);
		}
		this.provider.awareness.on('change', () => this.#readPeers());
		window.addEventListener('online', this.#onNetworkChange);
		window.addEventListener('offline', this.#onNetworkChange);
		this.#readPeers();
		this.#refreshStatus();
	}

	get status() {
		return this.#status;
	}
	/** True once the first sync with the server completed: the document shows the real content. */
	get synced() {
		return this.#synced;
	}
	/** The document can be shown: synced with the server, or restored from the copy in this browser. */
	get ready() {
		return this.#synced || this.#restoredLocally;
	}
	/** Local edits the server has not confirmed receiving yet. */
	get unsent() {
		return this.#unsent;
	}
	/** Whether edits are also kept in this browser until the server has them. */
	get keepsLocalCopy() {
		return this.#localCopy !== null;
	}
	/** Every edit so far is written to this browser's storage (always false without a local copy). */
	get savedLocally() {
		return this.#localCopy !== null && this.#savedLocally;
	}
	/** Every open tab's presence (one person may have several). */
	get peers() {
		return this.#peers;
	}
	/** The people present, each once: this person first, then by name. */
	get people() {
		return this.#people;
	}
	/** Presence of other people (not this person's other tabs), e.g. for "who is in this field". */
	get others() {
		return this.#peers.filter((peer) => peer.id !== this.me.id);
	}
	/** Consecutive failed connection attempts (e.g. signed out, or removed from the course). */
	get failures() {
		return this.#failures;
	}
	get canUndo() {
		return this.#canUndo;
	}
	get canRedo() {
		return this.#canRedo;
	}

	undo() {
		this.undoManager.undo();
	}
	redo() {
		this.undoManager.redo();
	}

	/** A discrete change (add, delete, move): its own undo step, not merged with typing around it. */
	change(apply: () => void): void {
		this.undoManager.stopCapturing();
		apply();
		this.undoManager.stopCapturing();
	}

	/** What a Tiptap editor of this page is given as its undo manager (see EditorUndoHandle). */
	editorUndo(): EditorUndoHandle {
		return new EditorUndoHandle(this.undoManager);
	}

	/** Tries to connect at once instead of waiting for the next scheduled attempt. */
	retryNow() {
		if (!this.#refused && !this.provider.wsconnected) this.#reconnectNow();
	}

	/** Tells the others which field (and list item) this person is in. */
	setField(field: string | null, item: string | null = null) {
		const state = this.provider.awareness.getLocalState();
		if (state?.field === field && (state?.item ?? null) === item) return;
		this.provider.awareness.setLocalState({ ...state, field, item });
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
		window.removeEventListener('online', this.#onNetworkChange);
		window.removeEventListener('offline', this.#onNetworkChange);
		this.#watch.destroy();
		this.undoManager.destroy();
		this.provider.awareness.setLocalState(null);
		this.provider.destroy();
		void this.#localCopy?.destroy();
		this.doc.destroy();
	}

	/** Drops the current socket (which may be dead without knowing it) and starts a new attempt. */
	#reconnectNow() {
		this.provider.disconnect();
		this.provider.connect();
		this.#refreshStatus();
	}

	#networkChanged() {
		// The browser knows before any socket does: going offline ends the connection now, coming back
		// tries at once instead of after the backoff.
		if (navigator.onLine === false) {
			if (this.provider.wsconnected || this.provider.wsconnecting) this.#reconnectNow();
		} else if (!this.provider.wsconnected) {
			this.retryNow();
		}
		this.#refreshStatus();
	}

	#refreshStatus() {
		if (this.#refused) this.#status = 'refused';
		else if (this.provider.wsconnected) this.#status = 'connected';
		else if (navigator.onLine === false) this.#status = 'offline';
		else if (this.provider.wsconnecting) this.#status = this.#everConnected ? 'reconnecting' : 'connecting';
		else this.#status = 'offline';
		this.#unsent = this.#watch?.unsent ?? false;
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
				field: typeof state.field === 'string' ? state.field : null,
				item: typeof state.item === 'string' ? state.item : null,
				textCursor: (state.textCursor as TextCursor | null) ?? null,
				self: clientId === self
			});
		}
		peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
		this.#peers = peers;
		const people = new Map<string, Person>();
		for (const peer of peers) {
			const known = people.get(peer.id);
			if (known) known.tabs += 1;
			else people.set(peer.id, { id: peer.id, name: peer.name, color: peer.color, perspective: peer.perspective, self: peer.id === this.me.id, tabs: 1 });
		}
		this.#people = [...people.values()];
	}
}
