import { getContext, setContext } from 'svelte';
import type { CollabSession } from '$lib/collab/session.svelte';
import type { LiveSpec } from '$lib/collab/live-spec.svelte';
import type { Notices } from './notices.svelte';

export type ReadOnlyReason = 'archived' | 'role';

export interface EditorContext {
	session: CollabSession;
	live: LiveSpec;
	/** False for commenters and viewers: every control is read-only (the server drops their updates anyway). */
	canEdit: boolean;
	/** The editor's transient notices (e.g. Undo after a deletion). */
	notices: Notices;
	/** Why editing is off: the course is archived, or this person's role does not allow it. */
	readOnlyReason: ReadOnlyReason | null;
	/** Where this person can unarchive the course, when it is archived and they may. */
	unarchiveHref: string | null;
	/** The language being edited: the course's primary language. */
	readonly lang: string;
	/** The language shown next to the primary one for translating, if any (translation mode). */
	readonly translateInto: string | null;
}

const KEY = Symbol('spec-editor');

export function setEditorContext(context: EditorContext): void {
	setContext(KEY, context);
}

export function getEditorContext(): EditorContext {
	return getContext<EditorContext>(KEY);
}
