import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOutcome, getRichText, getText } from '$lib/course-spec/mutations';
import { readRichText, writeRichText } from '$lib/course-spec/rich-text-yjs';
import { listArray, itemId, replaceText } from '$lib/course-spec/layout';
import { encodeRange, resolveRange } from '$lib/comments/range';
import { changeCourseDoc } from '$lib/server/course-docs';
import { loadDocState } from '$lib/server/realtime/persistence';
import {
	acceptSuggestion,
	createThread,
	deleteComment,
	editComment,
	listThreads,
	rejectSuggestion,
	replyToThread,
	setThreadResolved
} from '$lib/server/comments';
import { listNotifications } from '$lib/server/notifications';
import { setCourseArchived } from '$lib/server/courses';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildUser } from '$tests/support/factories';
import { withoutLive } from '$lib/server/live-context';

// Threads, replies, mentions, resolving and suggestions against a real database and the stored
// course document (no realtime server runs here, so server-side changes are appended to storage).

const { db } = await createTestDatabase();
const deps = withoutLive(db);
type Person = Awaited<ReturnType<typeof buildUser>>;
let owner: Person, editor: Person, student: Person, partner: Person, viewer: Person, stranger: Person;
let courseId: string;
let outcomeId: string;

async function storedDoc(): Promise<Y.Doc> {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await loadDocState(db, courseId));
	return doc;
}

async function outcomeText(id = outcomeId): Promise<string> {
	const doc = await storedDoc();
	return getText(doc, 'outcomeText', 'en', id)?.toString() ?? '';
}

/** A range anchor over `quote` in the outcome's text, as the browser makes it. */
async function rangeOver(quote: string) {
	const doc = await storedDoc();
	const text = getText(doc, 'outcomeText', 'en', outcomeId)!;
	const index = text.toString().indexOf(quote);
	return { kind: 'range' as const, field: 'outcomeText', itemId: outcomeId, lang: 'en', ...encodeRange(text, index, index + quote.length), quote };
}

beforeAll(async () => {
	owner = await buildUser(db, { name: 'Liisa Lecturer' });
	editor = await buildUser(db, { name: 'Eero Editor' });
	student = await buildUser(db, { name: 'Sanna Student' });
	partner = await buildUser(db, { name: 'Pekka Partner' });
	viewer = await buildUser(db, { name: 'Ville Viewer' });
	stranger = await buildUser(db, { name: 'Outi Outsider' });
	courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, editor.id, 'editor', 'lecturer');
	await addMember(db, courseId, student.id, 'commenter', 'student');
	await addMember(db, courseId, partner.id, 'commenter', 'company_partner');
	await addMember(db, courseId, viewer.id, 'viewer', 'other');
	await changeCourseDoc(withoutLive(db), courseId, owner.id, (doc) => {
		outcomeId = addOutcome(doc, { en: 'Analyse platform business models' });
	});
});

describe('threads', () => {
	it('a commenter comments on a field, the team replies with a mention, and the thread resolves and reopens', async () => {
		const threadId = await createThread(deps, student, courseId, {
			anchor: { kind: 'field', field: 'ectsCredits' },
			body: 'Is 3 ECTS enough? See https://example.org/ects'
		});
		await replyToThread(deps, owner, threadId, { body: '@Sanna Student yes, with the workload we planned.', mentions: [student.id] });
		const { threads } = await listThreads(db, viewer, courseId);
		const thread = threads.find((t) => t.id === threadId)!;
		expect(thread.anchor).toMatchObject({ kind: 'field', field: 'ectsCredits', itemId: null });
		expect(thread.author).toEqual({ id: student.id, name: 'Sanna Student', perspective: 'student' });
		expect(thread.comments.map((c) => c.body)).toEqual(['Is 3 ECTS enough? See https://example.org/ects', '@Sanna Student yes, with the workload we planned.']);
		expect(thread.comments[1].mentions).toEqual([{ id: student.id, name: 'Sanna Student', perspective: 'student' }]);

		// The student hears about the reply once (the mention), not twice.
		const notes = (await listNotifications(db, student)).items.filter((n) => n.path.endsWith(threadId));
		expect(notes.map((n) => n.headline)).toEqual(['Liisa Lecturer mentioned you in a comment on “Platform economy basics”']);

		await setThreadResolved(deps, partner, threadId, true);
		expect((await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)).toMatchObject({ resolved: true, resolvedBy: 'Pekka Partner' });
		await setThreadResolved(deps, student, threadId, false);
		expect((await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)?.resolved).toBe(false);
	});

	it('anchors to a list item by its id and to a range of its text, and refuses anchors to nothing', async () => {
		const item = await createThread(deps, partner, courseId, { anchor: { kind: 'item', field: 'learningOutcomes', itemId: outcomeId }, body: 'Important for us.' });
		const range = await createThread(deps, student, courseId, { anchor: await rangeOver('platform business'), body: 'Which platforms?' });
		const { threads } = await listThreads(db, owner, courseId);
		expect(threads.find((t) => t.id === item)?.anchor).toMatchObject({ kind: 'item', itemId: outcomeId });
		expect(threads.find((t) => t.id === range)?.anchor).toMatchObject({ kind: 'range', quote: 'platform business', lang: 'en' });

		await expect(createThread(deps, student, courseId, { anchor: { kind: 'item', field: 'learningOutcomes', itemId: 'nosuchitemnosuchitem2345' }, body: 'x' })).rejects.toThrow(/does not exist/);
		await expect(createThread(deps, student, courseId, { anchor: { kind: 'field', field: 'noSuchField' }, body: 'x' })).rejects.toThrow(/field does not exist/);
		await expect(createThread(deps, student, courseId, { anchor: { ...(await rangeOver('platform')), quote: 'something else' }, body: 'x' })).rejects.toThrow(/changed/);
		await expect(createThread(deps, student, courseId, { anchor: { ...(await rangeOver('platform')), start: 'AAAA' }, body: 'x' })).rejects.toThrow(/no longer there/);
	});

	it('a range anchor follows edits around it and resolves to nothing once its text is deleted', async () => {
		const anchor = await rangeOver('business models');
		await createThread(deps, student, courseId, { anchor, body: 'Which models?' });
		await changeCourseDoc(withoutLive(db), courseId, owner.id, (doc) => {
			const text = getText(doc, 'outcomeText', 'en', outcomeId)!;
			text.insert(0, 'Compare and ');
			text.insert(text.length, ' in Finland');
		});
		const doc = await storedDoc();
		const position = (b64: string) => Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(b64, 'base64')), doc)!.index;
		const text = getText(doc, 'outcomeText', 'en', outcomeId)!.toString();
		expect(text.slice(position(anchor.start), position(anchor.end))).toBe('business models');

		expect(resolveRange(doc, anchor.start, anchor.end)).toMatchObject({ orphaned: false });

		await changeCourseDoc(withoutLive(db), courseId, owner.id, (d) => replaceText(getText(d, 'outcomeText', 'en', outcomeId)!, 'Design a pricing experiment'));
		// The quoted words are gone (replaced): the browser shows the thread as orphaned, with its quote.
		expect(resolveRange(await storedDoc(), anchor.start, anchor.end)).toMatchObject({ orphaned: true });
		expect((await listThreads(db, owner, courseId)).threads.find((t) => t.anchor.quote === 'business models')).toBeTruthy();
	});

	it('refuses empty and oversized comments, control characters, and mentions of people outside the team', async () => {
		const anchor = { kind: 'field' as const, field: 'summary' };
		await expect(createThread(deps, student, courseId, { anchor, body: '   ' })).rejects.toThrow(/Write a comment/);
		await expect(createThread(deps, student, courseId, { anchor, body: 'x'.repeat(4001) })).rejects.toThrow(/at most 4000/);
		await expect(createThread(deps, student, courseId, { anchor, body: 'bad\u0000' })).rejects.toThrow(/U\+0000/);
		await expect(createThread(deps, student, courseId, { anchor, body: '@Outi Outsider look', mentions: [stranger.id] })).rejects.toThrow(/Only members/);
		const before = (await listThreads(db, owner, courseId)).threads.length;
		expect((await listThreads(db, owner, courseId)).threads).toHaveLength(before);
	});

	it('lets viewers read but not write, strangers not even read, and nobody edit another person’s comment', async () => {
		const threadId = await createThread(deps, student, courseId, { anchor: { kind: 'field', field: 'title' }, body: 'Shorter title?' });
		await expect(createThread(deps, viewer, courseId, { anchor: { kind: 'field', field: 'title' }, body: 'Hi' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(replyToThread(deps, viewer, threadId, { body: 'Hi' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(listThreads(db, stranger, courseId)).rejects.toMatchObject({ code: 'not_found' });
		await expect(replyToThread(deps, stranger, threadId, { body: 'Hi' })).rejects.toMatchObject({ code: 'not_found' });

		const commentId = (await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)!.comments[0].id;
		await expect(editComment(deps, owner, commentId, { body: 'Changed by the owner' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(deleteComment(deps, owner, commentId)).rejects.toMatchObject({ code: 'forbidden' });
		await editComment(deps, student, commentId, { body: 'A shorter title, maybe?' });
		let thread = (await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)!;
		expect(thread.comments[0]).toMatchObject({ body: 'A shorter title, maybe?', mine: false });
		expect(thread.comments[0].editedAt).not.toBeNull();

		await replyToThread(deps, owner, threadId, { body: 'Agreed.' });
		await deleteComment(deps, student, commentId);
		thread = (await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)!;
		expect(thread.comments.map((c) => [c.deleted, c.body])).toEqual([[true, ''], [false, 'Agreed.']]);
	});

	it('refuses every write on an archived course', async () => {
		const archivedId = (await buildCourse(db, owner, 'Archived course')).id;
		await addMember(db, archivedId, student.id, 'commenter', 'student');
		await setCourseArchived(withoutLive(db), owner, archivedId, true);
		await expect(createThread(deps, student, archivedId, { anchor: { kind: 'field', field: 'title' }, body: 'Hi' })).rejects.toMatchObject({ code: 'forbidden' });
	});
});

describe('suggestions', () => {
	it('accepting applies exactly the proposed text, as an edit by its author, and tells them', async () => {
		await changeCourseDoc(withoutLive(db), courseId, owner.id, (doc) => replaceText(getText(doc, 'outcomeText', 'en', outcomeId)!, 'Analyse platform business models'));
		const before = await outcomeText();
		const threadId = await createThread(deps, partner, courseId, {
			suggestion: { op: 'text', field: 'outcomeText', itemId: outcomeId, lang: 'en', after: 'Evaluate platform business models' },
			body: 'Evaluate is more observable.'
		});
		const thread = (await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)!;
		expect(thread.suggestion).toEqual({ op: 'text', field: 'outcomeText', itemId: outcomeId, lang: 'en', before, after: 'Evaluate platform business models' });
		await expect(acceptSuggestion(deps, student, threadId)).rejects.toMatchObject({ code: 'forbidden' });

		const anchor = await rangeOver('platform business');
		await createThread(deps, student, courseId, { anchor, body: 'Which platforms?' });
		await acceptSuggestion(deps, editor, threadId);
		expect(await outcomeText()).toBe('Evaluate platform business models');
		// Only the changed word was replaced: a comment on the words kept still finds them.
		const after = await storedDoc();
		const range = resolveRange(after, anchor.start, anchor.end)!;
		expect({ orphaned: range.orphaned, text: (range.type as Y.Text).toString().slice(range.from, range.to) }).toEqual({ orphaned: false, text: 'platform business' });
		const authors = await db.selectFrom('course_doc_updates').select('author_ids').where('course_id', '=', courseId).orderBy('id', 'desc').executeTakeFirstOrThrow();
		expect(authors.author_ids).toEqual([partner.id]);
		expect((await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)).toMatchObject({ suggestionState: 'accepted', resolved: true, decidedBy: 'Eero Editor' });
		expect((await listNotifications(db, partner)).items[0].headline).toBe('Eero Editor accepted your suggestion on “Platform economy basics”');
		await expect(acceptSuggestion(deps, owner, threadId)).rejects.toMatchObject({ code: 'conflict' });
	});

	it('two editors accepting at once apply it once', async () => {
		const threadId = await createThread(deps, student, courseId, { suggestion: { op: 'addItem', list: 'learningOutcomes', lang: 'en', text: 'Present a platform idea' } });
		const results = await Promise.allSettled([acceptSuggestion(deps, owner, threadId), acceptSuggestion(deps, editor, threadId)]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		const doc = await storedDoc();
		const texts = listArray(doc, 'learningOutcomes').toArray().map((item) => getText(doc, 'outcomeText', 'en', itemId(item)!)?.toString());
		expect(texts.filter((t) => t === 'Present a platform idea')).toHaveLength(1);
	});

	it('a suggestion whose text changed since is stale: accepting it is refused and it stays open', async () => {
		const threadId = await createThread(deps, partner, courseId, { suggestion: { op: 'text', field: 'outcomeText', itemId: outcomeId, lang: 'en', after: 'Assess platform business models' } });
		await changeCourseDoc(withoutLive(db), courseId, owner.id, (doc) => getText(doc, 'outcomeText', 'en', outcomeId)!.insert(0, 'Critically '));
		await expect(acceptSuggestion(deps, owner, threadId)).rejects.toThrow(/changed since/);
		expect((await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)).toMatchObject({ suggestionState: 'open', resolved: false });
		await rejectSuggestion(deps, owner, threadId, { body: 'We rewrote it meanwhile.' });
		const thread = (await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)!;
		expect(thread).toMatchObject({ suggestionState: 'rejected', resolved: true });
		expect(thread.comments.map((c) => c.body)).toEqual(['We rewrote it meanwhile.']);
		expect((await listNotifications(db, partner)).items[0].headline).toMatch(/did not take your suggestion/);
	});

	it('suggests deleting an item, and refuses suggestions that change nothing or target nothing', async () => {
		let doomed = '';
		await changeCourseDoc(withoutLive(db), courseId, owner.id, (doc) => {
			doomed = addOutcome(doc, { en: 'Memorise every platform' });
		});
		const threadId = await createThread(deps, student, courseId, { suggestion: { op: 'deleteItem', list: 'learningOutcomes', itemId: doomed, lang: 'en' }, body: 'Not measurable.' });
		expect((await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)?.suggestion).toMatchObject({ before: 'Memorise every platform' });
		await acceptSuggestion(deps, owner, threadId);
		expect(listArray(await storedDoc(), 'learningOutcomes').toArray().map(itemId)).not.toContain(doomed);

		const current = await outcomeText();
		await expect(createThread(deps, student, courseId, { suggestion: { op: 'text', field: 'outcomeText', itemId: outcomeId, lang: 'en', after: current } })).rejects.toThrow(/same as the text/);
		await expect(createThread(deps, student, courseId, { suggestion: { op: 'deleteItem', list: 'learningOutcomes', itemId: doomed } })).rejects.toThrow(/does not exist/);
		await expect(createThread(deps, viewer, courseId, { suggestion: { op: 'addItem', list: 'modules', lang: 'en', text: 'New' } })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(createThread(deps, student, courseId, { suggestion: { op: 'text', field: 'title', lang: 'en', after: 'a\nb' } })).rejects.toThrow(/line break/);
	});

	it('rewrites one paragraph of rich text, keeping the other paragraph and the formatting of the words kept', async () => {
		await changeCourseDoc(withoutLive(db), courseId, owner.id, (doc) =>
			writeRichText(getRichText(doc, 'summary', 'en'), {
				type: 'doc',
				content: [
					{ type: 'paragraph', content: [{ type: 'text', text: 'Platforms change work.' }] },
					{ type: 'paragraph', content: [{ type: 'text', text: 'You will ' }, { type: 'text', text: 'study', marks: [{ type: 'bold' }] }, { type: 'text', text: ' three cases.' }] }
				]
			})
		);
		await expect(createThread(deps, partner, courseId, { suggestion: { op: 'paragraph', field: 'summary', lang: 'en', index: 5, after: 'x' } })).rejects.toThrow(/paragraph is not there/);
		const threadId = await createThread(deps, partner, courseId, {
			suggestion: { op: 'paragraph', field: 'summary', lang: 'en', index: 1, after: 'You will study five real cases.' },
			body: 'Three is too few.'
		});
		expect((await listThreads(db, owner, courseId)).threads.find((t) => t.id === threadId)?.suggestion).toMatchObject({ before: 'You will study three cases.' });
		await acceptSuggestion(deps, owner, threadId);
		const summary = readRichText(getRichText(await storedDoc(), 'summary', 'en'));
		expect(summary.content).toEqual([
			{ type: 'paragraph', content: [{ type: 'text', text: 'Platforms change work.' }] },
			{ type: 'paragraph', content: [{ type: 'text', text: 'You will ' }, { type: 'text', text: 'study', marks: [{ type: 'bold' }] }, { type: 'text', text: ' five real cases.' }] }
		]);
	});
});
