import { getContext, setContext } from 'svelte';
import type { WebsocketProvider } from 'y-websocket';
import type { Anchor, CommentPerson, CommentsPayload, ThreadView } from './model';
import { m } from '$lib/paraglide/messages';

/** Message type 5 of our realtime protocol: the server says something beside the document changed. */
export const SIGNAL_MESSAGE = 5;

export type ActionResult = { ok: true; id?: string } | { ok: false; message: string; field?: string };

/**
 * What a composer is writing: a comment on an anchor (a field, an item, a selected range), or a
 * suggestion: a field's or item's text rewritten (starting from `before`), a new item, a deletion.
 */
export type Draft =
	| { kind: 'comment'; anchor: Anchor }
	| { kind: 'text'; field: string; itemId: string | null; lang: string; before: string }
	| { kind: 'paragraph'; field: string; itemId: string | null; lang: string; paragraphs: { index: number; text: string }[] }
	| { kind: 'addItem'; list: 'learningOutcomes' | 'modules' | 'assessments'; lang: string }
	| { kind: 'deleteItem'; list: 'learningOutcomes' | 'modules' | 'assessments'; itemId: string; lang: string };

/**
 * A course's comments in the browser: read over HTTP, re-read whenever the realtime connection
 * signals a change (and after reconnecting, in case a signal was missed while away), written through
 * the comments API, whose answer names what was wrong.
 */
export class CommentsStore {
	#threads = $state.raw<ThreadView[]>([]);
	#team = $state.raw<CommentPerson[]>([]);
	#me = $state('');
	#can = $state.raw({ comment: false, suggest: false, decide: false });
	#loaded = $state(false);
	#loading: Promise<void> | null = null;
	#again = false;
	/** The field or item a composer is open for (one at a time), by its key. */
	draftKey = $state<string | null>(null);
	draft = $state.raw<Draft | null>(null);
	panelOpen = $state(false);
	/** The thread to show (from a link or the panel). */
	focused = $state<string | null>(null);

	constructor(
		private readonly base: string,
		provider: WebsocketProvider
	) {
		provider.messageHandlers[SIGNAL_MESSAGE] = () => void this.refresh();
		provider.on('status', ({ status }: { status: string }) => {
			if (status === 'connected' && this.#loaded) void this.refresh();
		});
		void this.refresh();
	}

	get threads() {
		return this.#threads;
	}
	get team() {
		return this.#team;
	}
	get me() {
		return this.#me;
	}
	get can() {
		return this.#can;
	}
	get loaded() {
		return this.#loaded;
	}

	/** Re-reads the comments; a signal arriving during a read makes one more read after it. */
	refresh(): Promise<void> {
		if (this.#loading) {
			this.#again = true;
			return this.#loading;
		}
		this.#loading = (async () => {
			do {
				this.#again = false;
				try {
					const response = await fetch(this.base, { headers: { accept: 'application/json' } });
					if (!response.ok) continue;
					const payload = (await response.json()) as CommentsPayload;
					this.#threads = payload.threads;
					this.#team = payload.team;
					this.#me = payload.me;
					this.#can = payload.can;
					this.#loaded = true;
				} catch {
					// Offline: the next signal or reconnect reads again.
				}
			} while (this.#again);
			this.#loading = null;
		})();
		return this.#loading;
	}

	/** Runs one action of the comments API; on success the list is re-read at once. */
	async act(action: string, payload: Record<string, unknown>): Promise<ActionResult> {
		try {
			const response = await fetch(this.base, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ action, ...payload })
			});
			const answer = (await response.json().catch(() => ({}))) as { id?: string; error?: { message: string; field?: string }; message?: string };
			if (!response.ok) return { ok: false, message: answer.error?.message ?? answer.message ?? m.comments_failed(), field: answer.error?.field };
			await this.refresh();
			return { ok: true, id: answer.id };
		} catch {
			return { ok: false, message: m.comments_offline() };
		}
	}

	openDraft(key: string, draft: Draft): void {
		this.draftKey = key;
		this.draft = draft;
	}

	closeDraft(): void {
		this.draftKey = null;
		this.draft = null;
	}

	/** Threads anchored to this field (and item), open ones first, oldest first. */
	threadsOf(field: string, itemId?: string): ThreadView[] {
		return this.#threads.filter((t) => t.anchor.field === field && (t.anchor.itemId ?? undefined) === itemId);
	}
}

const KEY = Symbol('comments');

export function setCommentsContext(store: CommentsStore): void {
	setContext(KEY, store);
}

/** The course's comments, or undefined where no editor provides them (e.g. a version's read-only view). */
export function getCommentsContext(): CommentsStore | undefined {
	return getContext<CommentsStore | undefined>(KEY);
}
