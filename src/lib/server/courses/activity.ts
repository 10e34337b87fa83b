import type { Kysely } from 'kysely';
import type * as Y from 'yjs';
import type { Database } from '../db/types';
import { docPrimaryLanguage, textMap } from '$lib/course-spec/layout';

const TOUCH_INTERVAL_MS = 60_000;

/**
 * Keeps the course row (dashboard title, "changed" date) in step with its live document, without a
 * write per keystroke: the title when it changes, the date at most once a minute.
 */
export function createCourseActivityRecorder(db: Kysely<Database>) {
	const last = new Map<string, { title: string; at: number }>();
	return function recordActivity(courseId: string, doc: Y.Doc): void {
		const title = textMap(doc, 'title').get(docPrimaryLanguage(doc))?.toString().trim() ?? '';
		const previous = last.get(courseId);
		const now = Date.now();
		const titleChanged = title !== '' && title !== previous?.title;
		if (!titleChanged && previous && now - previous.at < TOUCH_INTERVAL_MS) return;
		last.set(courseId, { title: title || previous?.title || '', at: now });
		db.updateTable('courses')
			.set({ updated_at: new Date(), ...(title !== '' ? { title: title.slice(0, 200) } : {}) })
			.where('id', '=', courseId)
			.execute()
			.catch((err) => console.error(`[courses] recording activity of ${courseId} failed:`, err.message));
	};
}
