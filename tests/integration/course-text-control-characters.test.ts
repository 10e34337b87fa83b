import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOutcome, getRichText, getText, replaceText, setMeta } from '$lib/course-spec';
import { getVersion, saveVersion } from '$lib/server/versions';
import { createTestDatabase } from '$tests/support/db';
import { buildCourse, buildUser } from '$tests/support/factories';
import { appendDocUpdate, loadDocState } from '$lib/server/realtime/persistence';
import { withoutLive } from '$lib/server/live-context';

// PostgreSQL refuses U+0000 (and lone surrogates) in jsonb: one such character typed into the live
// document used to make every "Save version" fail until somebody found and deleted it.
const { db } = await createTestDatabase();

describe('saving a version of a document with control characters in it', () => {
	it('works, and the saved spec has them stripped (tab and newline kept)', async () => {
		const owner = await buildUser(db);
		const course = await buildCourse(db, owner);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, await loadDocState(db, course.id));
		const before = Y.encodeStateVector(doc);
		doc.transact(() => {
			replaceText(getText(doc, 'title', 'en'), 'Null\u0000 and bell\u0007 in a title');
			replaceText(getText(doc, 'prerequisites', 'en'), 'Line one\n\tindented\u001b[31m');
			setMeta(doc, 'code', 'MC\u0000-1');
			addOutcome(doc, { en: 'Analyse \ud800 data' });
			const summary = getRichText(doc, 'summary', 'en');
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText('Rich\u0000 text')]);
			summary.insert(0, [paragraph]);
		});
		await appendDocUpdate(db, course.id, Y.encodeStateAsUpdate(doc, before), [owner.id]);

		const saved = await saveVersion(withoutLive(db), owner, course.id, 'With odd characters');
		const { spec } = await getVersion(db, owner, course.id, saved.number);
		expect(spec.title).toEqual({ en: 'Null and bell in a title' });
		expect(spec.prerequisites).toEqual({ en: 'Line one\n\tindented[31m' });
		expect(spec.code).toBe('MC-1');
		// Yjs's UTF-8 encoding has already turned the lone surrogate into U+FFFD by the time it is stored.
		expect(spec.learningOutcomes.map((o) => o.text)).toEqual([{ en: 'Analyse \ufffd data' }]);
		expect(spec.summary.en).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rich text' }] }] });
	});
});
