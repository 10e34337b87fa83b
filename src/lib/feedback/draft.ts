// A participant's unsent answers, kept in this browser's localStorage under the link's token, so a
// reload, a dropped connection or a phone that discards the tab loses nothing. Cleared once sent.

export interface Draft {
	savedAt: number;
	values: Record<string, string[]>;
}

const PREFIX = 'co-course.feedback-draft.';

function storage(): Storage | null {
	try {
		return window.localStorage;
	} catch {
		// Storage can be switched off (private modes, policies): the form then simply keeps no draft.
		return null;
	}
}

export function readDraft(token: string): Draft | null {
	try {
		const raw = storage()?.getItem(PREFIX + token);
		const draft = raw ? (JSON.parse(raw) as Draft) : null;
		return draft && typeof draft.savedAt === 'number' && draft.values && typeof draft.values === 'object' ? draft : null;
	} catch {
		return null;
	}
}

export function clearDraft(token: string): void {
	storage()?.removeItem(PREFIX + token);
}

function formValues(form: HTMLFormElement): Record<string, string[]> {
	const values: Record<string, string[]> = {};
	for (const [name, value] of new FormData(form)) {
		if (typeof value === 'string') (values[name] ??= []).push(value);
	}
	return values;
}

/** Puts saved values back into the form's controls. */
function fill(form: HTMLFormElement, values: Record<string, string[]>): void {
	for (const element of Array.from(form.elements)) {
		if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) || !element.name || element.type === 'hidden') continue;
		const saved = values[element.name] ?? [];
		if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')) element.checked = saved.includes(element.value);
		else element.value = saved[0] ?? '';
	}
}

/**
 * An attachment for the form: restores a draft newer than what the server holds (`serverTime`, the
 * saved response's time, or 0), then saves on every change. With `restore` false (the server has
 * just sent the form back with messages) the page's values are newer than any draft.
 */
export function keepDraft(token: string, serverTime: number, restore: boolean) {
	return (form: HTMLFormElement) => {
		const draft = readDraft(token);
		if (restore && draft && draft.savedAt > serverTime) fill(form, draft.values);
		// Written at once on every keystroke: a few kilobytes, and a reload right after typing keeps it all.
		const save = () => {
			try {
				storage()?.setItem(PREFIX + token, JSON.stringify({ savedAt: Date.now(), values: formValues(form) } satisfies Draft));
			} catch {
				// A full storage quota only costs the draft.
			}
		};
		form.addEventListener('input', save);
		form.addEventListener('change', save);
		return () => {
			form.removeEventListener('input', save);
			form.removeEventListener('change', save);
		};
	};
}
