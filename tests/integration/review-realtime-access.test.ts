import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestChanges, submitForReview, withdrawSubmission } from '$lib/server/review';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildSession } from '$tests/support/factories';
import { openRawPeer, upgradeStatus } from '$tests/support/realtime-clients';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { buildCompleteCourse, buildPerson, loggingMail } from '$tests/support/review';

// Live access follows the course's status: a coordinator reading a submission over the realtime
// connection loses it when the owner withdraws it, while the team keeps editing undisturbed.

const { db } = await createTestDatabase();
const mail = loggingMail();
let server: TestRealtimeServer;

beforeAll(async () => {
	server = await startRealtimeServer(db);
});
afterAll(async () => {
	await server?.close();
});

describe('realtime access and the review status', () => {
	it('closes a coordinator’s socket when a submission is withdrawn, and refuses it until the course is resubmitted', async () => {
		await buildPerson(db, 'Ada Admin', 'admin');
		const coordinator = await buildPerson(db, 'Cai Coordinator', 'coordinator');
		const owner = await buildPerson(db, 'Liisa Lecturer');
		const editor = await buildPerson(db, 'Pekka Partner');
		const courseId = await buildCompleteCourse(db, owner, 'Live review');
		await addMember(db, courseId, editor.id, 'editor');
		const url = `${server.collabUrl}/${courseId}`;
		const coordinatorPeer = { token: await buildSession(db, coordinator.id), origin: server.origin };
		const editorPeer = { token: await buildSession(db, editor.id), origin: server.origin };

		expect(await upgradeStatus(url, coordinatorPeer)).toBe(404); // as for a course that does not exist
		await submitForReview(server.ctx, owner, courseId, { note: 'Ready.' }, mail);
		const reader = await openRawPeer(url, coordinatorPeer);
		const writer = await openRawPeer(url, editorPeer);

		// Asking for changes keeps the coordinator following the course.
		await requestChanges(server.ctx, coordinator, courseId, { comment: 'One more outcome.' }, mail);
		await submitForReview(server.ctx, owner, courseId, { note: 'Added it.' }, mail);
		expect(reader.ws.readyState).toBe(reader.ws.OPEN);

		await withdrawSubmission(server.ctx, owner, courseId, mail);
		const closed = await reader.closed;
		expect(closed.code).toBe(4000);
		expect(await upgradeStatus(url, coordinatorPeer)).toBe(404); // as for a course that does not exist
		expect(writer.ws.readyState).toBe(writer.ws.OPEN);
		writer.ws.close();
	});
});
