import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadDocState } from '$lib/server/realtime/persistence';
import { UpdateAppender } from '$lib/server/realtime/update-appender';
import { createTestDatabase } from '$tests/support/db';
import { buildCourse, buildUser } from '$tests/support/factories';

const database = await createTestDatabase();

function edit(key: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('map').set(key, true);
	return Y.encodeStateAsUpdate(doc);
}

describe('appending the updates of many rooms together', () => {
	it('stores every row of a group, and a row that cannot be stored fails alone', async () => {
		const owner = await buildUser(database.db);
		const courses = [await buildCourse(database.db, owner), await buildCourse(database.db, owner)];
		const appender = new UpdateAppender(database.db);
		const missingCourse = 'a'.repeat(24); // no such course: the foreign key refuses its row
		const outcomes = await Promise.allSettled([
			appender.append({ courseId: courses[0].id, update: edit('first'), authorIds: [owner.id] }),
			appender.append({ courseId: missingCourse, update: edit('lost'), authorIds: [owner.id] }),
			appender.append({ courseId: courses[1].id, update: edit('second'), authorIds: [owner.id] }),
			appender.append({ courseId: courses[0].id, update: edit('third'), authorIds: [owner.id] })
		]);
		expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
		const keys = async (courseId: string) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, await loadDocState(database.db, courseId));
			return [...doc.getMap('map').keys()].sort();
		};
		expect(await keys(courses[0].id)).toEqual(expect.arrayContaining(['first', 'third']));
		expect(await keys(courses[1].id)).toEqual(expect.arrayContaining(['second']));
	});
});
