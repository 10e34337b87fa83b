import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { connectProvider, waitFor, waitForSynced } from '$tests/support/realtime-clients';

// Presence names the person behind a socket; the server only lets a socket name its own user.

let server: TestRealtimeServer;
let courseId: string;
let ownerToken: string;
let partner: { id: string; name: string };
let partnerToken: string;
let viewerToken: string;

const { db } = await createTestDatabase();
afterAll(() => server?.close());

beforeAll(async () => {
	const owner = await buildUser(db, { name: 'Olga Owner' });
	const user = await buildUser(db, { name: 'Pia Partner' });
	partner = { id: user.id, name: user.name };
	courseId = (await buildCourse(db, owner)).id;
	await addMember(db, courseId, user.id, 'editor', 'company_partner');
	ownerToken = await buildSession(db, owner.id);
	partnerToken = await buildSession(db, user.id);
	const viewer = await buildUser(db, { name: 'Veera Viewer' });
	await addMember(db, courseId, viewer.id, 'viewer', 'student');
	viewerToken = await buildSession(db, viewer.id);
	server = await startRealtimeServer(db);
});

describe('presence identity', () => {
	it('shows a person who names themselves, and drops a claim to be somebody else', async () => {
		const owner = connectProvider(server.collabUrl, courseId, { token: ownerToken, origin: server.origin });
		const honest = connectProvider(server.collabUrl, courseId, { token: partnerToken, origin: server.origin });
		const impostor = connectProvider(server.collabUrl, courseId, { token: ownerToken, origin: server.origin });
		try {
			await Promise.all([waitForSynced(owner), waitForSynced(honest), waitForSynced(impostor)]);
			// The impostor (signed in as the owner) claims to be the partner, before the partner appears.
			impostor.awareness.setLocalStateField('person', { ...partner, color: '#000', perspective: 'student' });
			honest.awareness.setLocalStateField('person', { ...partner, color: '#111', perspective: 'company_partner' });
			await waitFor(() => owner.awareness.getStates().get(honest.doc.clientID)?.person?.name === partner.name, {
				message: 'the real partner to appear'
			});
			const claims = [...owner.awareness.getStates().values()].filter((s) => s.person?.id === partner.id);
			expect(claims.map((s) => s.person.perspective)).toEqual(['company_partner']);
		} finally {
			for (const provider of [owner, honest, impostor]) provider.destroy();
		}
	});

	it('shows a caret labelled with the peer’s own name, and drops a caret that claims another name or a bad colour', async () => {
		const owner = connectProvider(server.collabUrl, courseId, { token: ownerToken, origin: server.origin });
		const viewer = connectProvider(server.collabUrl, courseId, { token: viewerToken, origin: server.origin });
		const partnerTab = connectProvider(server.collabUrl, courseId, { token: partnerToken, origin: server.origin });
		try {
			await Promise.all([waitForSynced(owner), waitForSynced(viewer), waitForSynced(partnerTab)]);
			const caretOf = (clientId: number) => owner.awareness.getStates().get(clientId)?.user;
			// Every caret the owner ever sees, not only the last one.
			const seen: Array<{ name?: string; color?: string }> = [];
			owner.awareness.on('change', () => {
				for (const state of owner.awareness.getStates().values()) if (state.user) seen.push(state.user);
			});
			// Tiptap's caret extension writes { name, color } under 'user'.
			viewer.awareness.setLocalStateField('user', { name: 'Olga Owner', color: '#1d6fb8' });
			partnerTab.awareness.setLocalStateField('user', { name: partner.name, color: 'red; background: url(x)' });
			// Then honest carets, sent after the dishonest ones on the same sockets: the viewer's own name,
			// and a #rrggbb colour.
			viewer.awareness.setLocalStateField('user', { name: 'Veera Viewer', color: '#1d6fb8' });
			partnerTab.awareness.setLocalStateField('user', { name: partner.name, color: '#a34a00' });
			await waitFor(() => caretOf(viewer.doc.clientID)?.name === 'Veera Viewer', { message: 'the viewer’s honest caret' });
			await waitFor(() => caretOf(partnerTab.doc.clientID)?.color === '#a34a00', { message: 'the partner’s honest caret' });
			expect(seen.map((caret) => caret.name)).not.toContain('Olga Owner');
			expect(seen.every((caret) => /^#[0-9a-f]{6}$/i.test(caret.color ?? ''))).toBe(true);
		} finally {
			for (const provider of [owner, viewer, partnerTab]) provider.destroy();
		}
	});
});
