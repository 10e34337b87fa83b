import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { addOutcome, getText } from '$lib/course-spec/mutations';
import { encodeRange, resolveRange } from '$lib/comments/range';
import { changeCourseDoc, currentCourseDoc } from '$lib/server/course-docs';
import { acceptSuggestion, createThread, listThreads } from '$lib/server/comments';
import { listNotifications } from '$lib/server/notifications';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { connectProvider, waitFor, waitForSynced } from '$tests/support/realtime-clients';

// Comments reach everyone with the course open through its realtime connection: the server sends
// message type 5 ("comments changed") and the client re-reads them; accepted suggestions arrive as
// document updates. Real y-websocket clients against a real server.

const { db } = await createTestDatabase();
let server: TestRealtimeServer;
type Person = Awaited<ReturnType<typeof buildUser>>;
let owner: Person, student: Person, viewer: Person;
let tokens: Record<string, string>;
let courseId: string;
let outcomeId: string;
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
	owner = await buildUser(db, { name: 'Liisa Lecturer' });
	student = await buildUser(db, { name: 'Sanna Student' });
	viewer = await buildUser(db, { name: 'Ville Viewer' });
	courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, student.id, 'commenter', 'student');
	await addMember(db, courseId, viewer.id, 'viewer', 'other');
	tokens = { owner: await buildSession(db, owner.id), student: await buildSession(db, student.id), viewer: await buildSession(db, viewer.id) };
	server = await startRealtimeServer(db);
	await changeCourseDoc(server.ctx, courseId, owner.id, (doc) => {
		outcomeId = addOutcome(doc, { en: 'Analyse platform business models' });
	});
});
afterEach(() => {
	for (const provider of providers.splice(0)) provider.destroy();
});
afterAll(() => server?.close());

async function open(who: 'owner' | 'student' | 'viewer') {
	const provider = connectProvider(server.collabUrl, courseId, { token: tokens[who], origin: server.origin });
	providers.push(provider);
	const signals: string[] = [];
	provider.messageHandlers[5] = (_encoder, decoder) => {
		signals.push(decoding.readVarString(decoder));
	};
	await waitForSynced(provider);
	return { provider, doc: provider.doc, signals };
}

describe('live comments', () => {
	it('a comment appears for another client without reloading: the server signals, the client re-reads', async () => {
		const viewerPeer = await open('viewer');
		const studentPeer = await open('student');
		const text = getText(studentPeer.doc, 'outcomeText', 'en', outcomeId)!;
		const from = text.toString().indexOf('platform');
		const threadId = await createThread(server.ctx, student, courseId, {
			anchor: { kind: 'range', field: 'outcomeText', itemId: outcomeId, lang: 'en', ...encodeRange(text, from, from + 8), quote: 'platform' },
			body: 'Which platforms?'
		});
		await waitFor(() => viewerPeer.signals.includes('comments'), { message: 'the comments signal at the viewer' });
		const { threads } = await listThreads(db, viewer, courseId);
		expect(threads.map((t) => t.id)).toContain(threadId);
		expect(studentPeer.signals).toContain('comments');
	});

	it('a range anchor survives two people typing around it at once, and a commenter still cannot write the spec', async () => {
		const ownerPeer = await open('owner');
		const studentPeer = await open('student');
		const ownerText = getText(ownerPeer.doc, 'outcomeText', 'en', outcomeId)!;
		const from = ownerText.toString().indexOf('business');
		const range = encodeRange(ownerText, from, from + 'business'.length);
		// Concurrent edits before and after the range, from two sockets.
		const second = await open('owner');
		ownerText.insert(0, 'Compare and ');
		getText(second.doc, 'outcomeText', 'en', outcomeId)!.insert(ownerText.length - 12, ' digital');
		getText(studentPeer.doc, 'outcomeText', 'en', outcomeId)!.insert(0, 'IGNORED ');
		await waitFor(async () => {
			const doc = await currentCourseDoc(server.ctx, courseId);
			const t = getText(doc, 'outcomeText', 'en', outcomeId)!.toString();
			return t.startsWith('Compare and ') && t.includes(' digital') ? doc : null;
		});
		const doc = await currentCourseDoc(server.ctx, courseId);
		const resolved = resolveRange(doc, range.start, range.end)!;
		const now = getText(doc, 'outcomeText', 'en', outcomeId)!.toString();
		expect(now.slice(resolved.from, resolved.to)).toBe('business');
		expect(resolved.orphaned).toBe(false);
		expect(now).not.toContain('IGNORED');
	});

	it('an accepted suggestion reaches every open document live', async () => {
		const viewerPeer = await open('viewer');
		const threadId = await createThread(server.ctx, student, courseId, {
			suggestion: { op: 'text', field: 'outcomeText', itemId: outcomeId, lang: 'en', after: 'Evaluate platform business models' }
		});
		await acceptSuggestion(server.ctx, owner, threadId);
		await waitFor(() => getText(viewerPeer.doc, 'outcomeText', 'en', outcomeId)?.toString() === 'Evaluate platform business models', {
			message: 'the accepted text at the viewer'
		});
		expect((await listThreads(db, viewer, courseId)).threads.find((t) => t.id === threadId)?.suggestionState).toBe('accepted');
		expect(viewerPeer.signals).toContain('comments');
	});

	it('tells the people who wrote a field about a suggestion to it, from the attribution record', async () => {
		const ownerPeer = await open('owner');
		const text = getText(ownerPeer.doc, 'outcomeText', 'en', outcomeId)!;
		text.insert(text.length, '.');
		await waitFor(async () =>
			(await db.selectFrom('course_field_edits').select('user_id').where('course_id', '=', courseId).where('field_key', '=', 'outcomeText').execute()).some(
				(r) => r.user_id === owner.id
			)
		);
		await createThread(server.ctx, student, courseId, {
			suggestion: { op: 'text', field: 'outcomeText', itemId: outcomeId, lang: 'en', after: 'Evaluate two platform business models' }
		});
		const { items } = await listNotifications(db, owner);
		expect(items[0].headline).toBe('Sanna Student suggested a change to a field you wrote in “Platform economy basics”');
	});
});
