export interface Notice {
	id: number;
	message: string;
	/** A button next to the message, e.g. Undo. */
	action?: { label: string; run: () => void };
}

/**
 * The editor's one transient notice (e.g. "LO2 deleted · Undo"): a newer notice replaces the older,
 * and each goes away on its own after a while or when its action no longer applies.
 */
export class Notices {
	#current = $state<Notice | null>(null);
	#timer: ReturnType<typeof setTimeout> | null = null;
	#next = 1;

	get current(): Notice | null {
		return this.#current;
	}

	show(message: string, action?: Notice['action'], durationMs = 10_000): number {
		this.#clearTimer();
		const id = this.#next++;
		this.#current = { id, message, action };
		this.#timer = setTimeout(() => this.dismiss(id), durationMs);
		return id;
	}

	/** Dismisses the notice (only that one, when an id is given). */
	dismiss(id?: number): void {
		if (id !== undefined && this.#current?.id !== id) return;
		this.#clearTimer();
		this.#current = null;
	}

	#clearTimer() {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
