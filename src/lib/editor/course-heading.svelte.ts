import { getContext, setContext } from 'svelte';

/**
 * The course title in the course layout's heading. The layout's data holds the title as stored
 * when the page loaded; while the editor is open, it reports the live document's title here so
 * the heading follows typing without a reload.
 */
export class CourseHeading {
	#live = $state<{ title: string; stored: string } | null>(null);

	/** The live title, noted against the stored title it was seen with. */
	follow(title: string, stored: string): void {
		this.#live = { title, stored };
	}

	/** The title to show: the live one, unless fresher page data has replaced what it was seen with. */
	title(stored: string): string {
		return this.#live && this.#live.stored === stored ? this.#live.title : stored;
	}
}

const KEY = Symbol('course-heading');

export function provideCourseHeading(): CourseHeading {
	return setContext(KEY, new CourseHeading());
}

export function getCourseHeading(): CourseHeading | undefined {
	return getContext<CourseHeading | undefined>(KEY);
}
