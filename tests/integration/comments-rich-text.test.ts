import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { anchorBetween, highlightPositions } from '$lib/collab/comment-highlights';
import { locateRichRange, resolveRange } from '$lib/comments/range';
import { getRichText } from '$lib/course-spec/mutations';
import { writeRichText } from '$lib/course-spec/rich-text-yjs';
import type { RichTextDoc } from '$lib/course-spec/types';
import { changeCourseDoc, currentCourseDoc } from '$lib/server/course-docs';
import { createThread, listThreads } from '$lib/server/comments';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { richTextClient } from '$tests/support/prosemirror-client';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { connectProvider, waitFor, waitForSynced } from '$tests/support/realtime-clients';

// Comments on a selection in a rich-text field (the summary): the browser turns the editor's
// selection into Yjs relative positions in the paragraphs' text nodes, the server checks them and
// the quote, and the range follows edits that two people make at once through their editors'
// bindings (real y-websocket clients, edits written by y-prosemirror's own diff).

const { db } = await createTestDatabase();
let server: TestRealtimeServer;
type Person = Awaited<ReturnType<typeof buildUser>>;
let owner: Person, student: Person;
let tokens: Record<string, string>;
let courseId: string;
const providers: WebsocketProvider[] = [];

const summary: RichTextDoc = {
	type: 'doc',
	content: [
		{ type: 'paragraph', content: [{ type: 'text', text: 'Platform economies change how firms compete.' }] },
		{ type: 'paragraph', content: [{ type: 'text', text: 'Students compare three business models in class.' }] }
	]
};

beforeAll(async () => {
	owner = await buildUser(db, { name: 'Liisa Lecturer' });
	student = await buildUser(db, { name: 'Sanna Student' });
	courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, student.id, 'commenter', 'student');
	tokens = { owner: await buildSession(db, owner.id), student: await buildSession(db, student.id) };
	server = await startRealtimeServer(db);
});
afterEach(() => {
	for (const provider of providers.splice(0)) provider.destroy();
});
afterAll(() => server?.close());

async function resetSummary() {
	await changeCourseDoc(server.ctx, courseId, owner.id, (doc) => writeRichText(getRichText(doc, 'summary', 'en'), summary));
}

async function open(who: 'owner' | 'student') {
	const provider = connectProvider(server.collabUrl, courseId, { token: tokens[who], origin: server.origin });
	providers.push(provider);
	provider.messageHandlers[5] = () => {}; // "comments changed": this test reads them itself
	await waitForSynced(provider);
	const fragment = getRichText(provider.doc, 'summary', 'en');
	return { provider, fragment, editor: richTextClient(fragment) };
}

const storedSummary = async () => richTextClient(getRichText(await currentCourseDoc(server.ctx, courseId), 'summary', 'en'));
const storedText = async () => {
	const { doc } = (await storedSummary()).binding();
	return doc.textBetween(0, doc.content.size, '\n');
};

describe('range comments in rich text', () => {
	it('a commenter anchors a comment to selected text, across paragraphs too; the server checks the quote', async () => {
		await resetSummary();
		const { editor } = await open('student');
		const words = editor.find('business models');
		const anchor = anchorBetween(editor.binding(), words.from, words.to)!;
		expect(anchor.quote).toBe('business models');
		const id = await createThread(server.ctx, student, courseId, { anchor: { kind: 'range', field: 'summary', itemId: null, lang: 'en', ...anchor }, body: 'Which models?' });
		expect((await listThreads(db, owner, courseId)).threads.find((t) => t.id === id)?.anchor).toMatchObject({ kind: 'range', field: 'summary', quote: 'business models' });

		const across = anchorBetween(editor.binding(), editor.find('firms compete.').from, editor.find('Students compare').to)!;
		expect(across.quote).toBe('firms compete.\nStudents compare');
		await createThread(server.ctx, student, courseId, { anchor: { kind: 'range', field: 'summary', itemId: null, lang: 'en', ...across }, body: 'One thought' });

		await expect(
			createThread(server.ctx, student, courseId, { anchor: { kind: 'range', field: 'summary', itemId: null, lang: 'en', ...anchor, quote: 'business plans' }, body: 'x' })
		).rejects.toThrow(/changed/);
		// The positions of the summary do not belong to another rich-text field.
		await expect(
			createThread(server.ctx, student, courseId, { anchor: { kind: 'range', field: 'summary', itemId: null, lang: 'fi', ...anchor }, body: 'x' })
		).rejects.toThrow(/not available|no longer there|Only text/);
	});

	it('follows two people editing around and inside it at once, and is highlighted where the text went', async () => {
		await resetSummary();
		const first = await open('owner');
		const second = await open('owner');
		const studentPeer = await open('student');
		const words = studentPeer.editor.find('business models');
		const anchor = anchorBetween(studentPeer.editor.binding(), words.from, words.to)!;
		const across = anchorBetween(studentPeer.editor.binding(), studentPeer.editor.find('firms compete.').from, studentPeer.editor.find('Students compare').to)!;

		// Both edits are made before either client has seen the other's.
		const paragraph2 = first.editor.find('Students compare').from;
		const text = (words: string) => first.editor.schema.text(words);
		// One change per transaction, as the editor writes them (y-prosemirror diffs each against Yjs).
		first.editor.edit((tr) => tr.insert(first.editor.find('business').from, text('digital ')));
		first.editor.edit((tr) => tr.insert(paragraph2, text('Together, ')));
		second.editor.edit((tr) => tr.insert(second.editor.find('models').to, text(' and platforms')));
		second.editor.edit((tr) => tr.insert(second.editor.find('business').to, text(' and revenue')));
		second.editor.edit((tr) => {
			const three = second.editor.find('three');
			tr.addMark(three.from, three.to, second.editor.schema.marks.bold.create());
		});
		studentPeer.editor.edit((tr) => tr.insert(1, text('IGNORED ')));

		const expected = 'Platform economies change how firms compete.\nTogether, Students compare three digital business and revenue models and platforms in class.';
		await waitFor(async () => (await storedText()) === expected, { message: 'both edits stored' });
		await waitFor(() => richTextClient(studentPeer.fragment).binding().doc.textContent.includes('Together'), { message: 'edits at the student' });

		const doc = await currentCourseDoc(server.ctx, courseId);
		expect(resolveRange(doc, anchor.start, anchor.end)).toMatchObject({ orphaned: false, text: 'business and revenue models' });
		expect(resolveRange(doc, across.start, across.end)).toMatchObject({ orphaned: false, text: 'firms compete.\nTogether, Students compare' });
		// In the student's editor the highlight covers exactly that text.
		const binding = richTextClient(studentPeer.fragment).binding();
		const at = highlightPositions(binding, anchor.start, anchor.end)!;
		expect(binding.doc.textBetween(at.from, at.to)).toBe('business and revenue models');
		// The bold word sits in its own ProseMirror text node, in the same Yjs text as the range.
		expect(binding.doc.child(1).childCount).toBe(3);
	});

	it('is found again by its quote when its paragraph is joined into the one before (its positions go with it)', async () => {
		await resetSummary();
		const { editor, fragment } = await open('owner');
		const words = editor.find('business models');
		const anchor = anchorBetween(editor.binding(), words.from, words.to)!;
		// Backspace at the start of the second paragraph.
		editor.edit((tr) => tr.join(editor.binding().doc.child(0).nodeSize));
		await waitFor(async () => !(await storedText()).includes('\n'), { message: 'the join stored' });
		expect(resolveRange(await currentCourseDoc(server.ctx, courseId), anchor.start, anchor.end)?.orphaned ?? true).toBe(true);
		expect(locateRichRange(fragment, anchor.start, anchor.end, anchor.quote)).toMatchObject({ orphaned: false, text: 'business models' });
		const binding = editor.binding();
		const at = highlightPositions(binding, anchor.start, anchor.end, anchor.quote)!;
		expect(binding.doc.textBetween(at.from, at.to)).toBe('business models');
		// A quote that is there twice is not guessed at.
		editor.edit((tr) => tr.insert(1, editor.schema.text('business models ')));
		expect(locateRichRange(fragment, anchor.start, anchor.end, anchor.quote).orphaned).toBe(true);
	});

	it('is orphaned, keeping its quote, once its text is deleted; deleting a paragraph orphans a range ending in it', async () => {
		await resetSummary();
		const { editor } = await open('owner');
		const words = editor.find('business models');
		const anchor = anchorBetween(editor.binding(), words.from, words.to)!;
		const across = anchorBetween(editor.binding(), editor.find('firms compete.').from, editor.find('Students compare').to)!;
		const id = await createThread(server.ctx, student, courseId, { anchor: { kind: 'range', field: 'summary', itemId: null, lang: 'en', ...anchor }, body: 'Which?' });

		editor.edit((tr) => tr.delete(words.from, words.to));
		await waitFor(async () => !(await storedText()).includes('business'), { message: 'deletion stored' });
		expect(resolveRange(await currentCourseDoc(server.ctx, courseId), anchor.start, anchor.end)).toMatchObject({ orphaned: true });
		expect(highlightPositions(editor.binding(), anchor.start, anchor.end, anchor.quote)).toBeNull();
		expect((await listThreads(db, owner, courseId)).threads.find((t) => t.id === id)?.anchor.quote).toBe('business models');
		await expect(
			createThread(server.ctx, student, courseId, { anchor: { kind: 'range', field: 'summary', itemId: null, lang: 'en', ...anchor }, body: 'x' })
		).rejects.toThrow(/no longer there/);

		const second = editor.binding().doc.child(0).nodeSize;
		editor.edit((tr) => tr.delete(second, editor.binding().doc.content.size));
		await waitFor(async () => !(await storedText()).includes('Students'), { message: 'paragraph deletion stored' });
		// The deleted paragraph's text is collected as garbage, so its end cannot be read at all.
		expect(resolveRange(await currentCourseDoc(server.ctx, courseId), across.start, across.end)?.orphaned ?? true).toBe(true);
	});
});
