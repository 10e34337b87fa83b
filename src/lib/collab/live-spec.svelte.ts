import type * as Y from 'yjs';
import { docToSpec } from '$lib/course-spec/doc';
import type { CourseSpec } from '$lib/course-spec/types';
import { checkCompleteness } from '$lib/course-spec/rules/completeness';
import { checkQuality } from '$lib/course-spec/rules/quality';
import { alignmentMatrix } from '$lib/course-spec/rules/alignment';
import { translationProgressOf, type TranslationProgress } from '$lib/course-spec/translation';

/**
 * The course spec as plain data, re-derived from the live Y.Doc after changes (at most once per
 * animation frame), with the checks the side panel shows derived from it.
 */
export class LiveSpec {
	#spec = $state.raw<CourseSpec>();
	#frame = 0;
	#doc: Y.Doc;
	#hoursPerEcts = 27;

	constructor(doc: Y.Doc, hoursPerEcts: number) {
		this.#doc = doc;
		this.#hoursPerEcts = hoursPerEcts;
		this.#spec = docToSpec(doc);
		doc.on('update', this.#schedule);
	}

	#schedule = () => {
		if (this.#frame) return;
		this.#frame = requestAnimationFrame(() => {
			this.#frame = 0;
			this.#spec = docToSpec(this.#doc);
		});
	};

	/** Re-derives the spec now, e.g. so that an item just added can be focused before the next key press. */
	refresh(): void {
		cancelAnimationFrame(this.#frame);
		this.#frame = 0;
		this.#spec = docToSpec(this.#doc);
	}

	get spec(): CourseSpec {
		return this.#spec!;
	}

	get completeness() {
		return this.#completeness;
	}
	get quality() {
		return this.#quality;
	}
	get alignment() {
		return this.#alignment;
	}
	/** For each language other than the primary one: how much is translated, and how much is behind its source. */
	get translations(): TranslationProgress[] {
		return this.#translations;
	}

	#completeness = $derived(checkCompleteness(this.#spec!));
	#quality = $derived(checkQuality(this.#spec!, { hoursPerEcts: this.#hoursPerEcts }));
	#alignment = $derived(alignmentMatrix(this.#spec!));
	// Read from the document, which also holds what each translation was written against (not in the
	// spec); every change to it re-derives the spec, so following the spec keeps this current.
	#translations = $derived.by(() => {
		const [, ...others] = this.#spec!.languages;
		return translationProgressOf(this.#doc, others);
	});

	destroy() {
		cancelAnimationFrame(this.#frame);
		this.#doc.off('update', this.#schedule);
	}
}
