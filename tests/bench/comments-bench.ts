import * as Y from 'yjs';
import { specToDoc } from '$lib/course-spec/doc';
import { fullSpec } from '$lib/course-spec/fixtures';
import { getText } from '$lib/course-spec/mutations';
import { createDatabase, migrateToLatest } from '$lib/server/db';
import { createThread, listThreads, replyToThread } from '$lib/server/comments';
import { createCourse, addOrUpgradeMember } from '$lib/server/courses';
import { applyCourseDocUpdate } from '$lib/server/course-docs';
import { createUser } from '$lib/server/users';
import { touchedFields } from '$lib/server/contributions';
import { docToSpec } from '$lib/course-spec/doc';
import { writeRichText } from '$lib/course-spec/rich-text-yjs';
import type { RichTextDoc } from '$lib/course-spec/types';
import { anchorBetween, highlightPositions } from '$lib/collab/comment-highlights';
import { richTextClient } from '../support/prosemirror-client';
import { withoutLive } from '$lib/server/live-context';

// `npm run bench:comments` (PGlite in memory): how long the editor's re-read of a course's comments
// takes as threads pile up (every open editor re-reads on each change), and what attribution adds to
// each stored batch of edits (a spec derivation and a comparison). Figures are printed, never asserted.

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function time(fn: () => unknown, runs = 21): Promise<number> {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		samples.push(performance.now() - start);
	}
	return median(samples);
}

export async function runCommentsBench(): Promise<number> {
	const { db, close } = await createDatabase({ pgliteDir: 'memory://' });
	await migrateToLatest(db);
	const owner = await createUser(db, { name: 'Liisa Lecturer', email: 'liisa@example.org', password: 'correct horse battery' });
	const student = await createUser(db, { name: 'Sanna Student', email: 'sanna@example.org', password: 'correct horse battery' });
	const { id: courseId } = await createCourse(db, owner, { title: 'Bench' });
	await addOrUpgradeMember(db, courseId, student.id, 'commenter', 'student');
	const doc = specToDoc(fullSpec(), new Y.Doc());
	await applyCourseDocUpdate(withoutLive(db), courseId, Y.encodeStateAsUpdate(doc), owner.id);

	console.log('threads  comments  list (median of 21)');
	let threads = 0;
	for (const target of [50, 200, 500]) {
		while (threads < target) {
			const id = await createThread(withoutLive(db), student, courseId, { anchor: { kind: 'field', field: 'title' }, body: `Comment ${threads} with a link https://example.org/${threads}` });
			await replyToThread(withoutLive(db), owner, id, { body: `@Sanna Student reply ${threads}`, mentions: [student.id] });
			await replyToThread(withoutLive(db), student, id, { body: 'Thanks' });
			threads += 1;
		}
		const took = await time(() => listThreads(db, owner, courseId));
		console.log(`${String(threads).padStart(7)}  ${String(threads * 3).padStart(8)}  ${ms(took)}`);
	}

	// One stored batch: a few characters typed into an outcome of the full fixture.
	const before = docToSpec(doc);
	const outcome = fullSpec().learningOutcomes[0].id;
	const attribution = await time(() => {
		getText(doc, 'outcomeText', 'en', outcome)!.insert(0, 'x');
		touchedFields(before, docToSpec(doc));
	}, 101);
	console.log(`attribution per stored batch (docToSpec + compare, full fixture): ${ms(attribution)}`);

	// Rich-text highlights are recomputed from their Yjs positions on every remote change to the field.
	const summary = new Y.Doc().getMap('summary').set('en', new Y.XmlFragment());
	const sentence = 'Students compare platform business models with a partner company and write a short report. ';
	const paragraphs = Array.from({ length: 20 }, () => ({ type: 'paragraph', content: [{ type: 'text', text: sentence.repeat(5) }] }));
	writeRichText(summary, { type: 'doc', content: paragraphs } as RichTextDoc);
	const editor = richTextClient(summary);
	console.log('rich-text highlights recomputed per remote change (20 paragraphs, ~1,400 words)');
	for (const count of [10, 50]) {
		const binding = editor.binding();
		const anchors: { start: string; end: string; quote: string }[] = [];
		for (let i = 0; i < count; i++) {
			// Sixteen characters somewhere in paragraph i % 20.
			let at = 1;
			for (let j = 0; j < i % 20; j++) at += binding.doc.child(j).nodeSize;
			const from = at + 9 + (i % 5) * 10;
			anchors.push(anchorBetween(binding, from, from + 16)!);
		}
		let placed = 0;
		const took = await time(() => {
			placed = anchors.filter((a) => highlightPositions(binding, a.start, a.end, a.quote) !== null).length;
		}, 51);
		console.log(`${String(count).padStart(4)} highlights: ${ms(took)} (${placed} placed)`);
	}
	await close();
	return 0;
}
