import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { authorizeCollab } from '$lib/server/collab-access';
import { removeMember } from '$lib/server/courses';
import { attachRealtime, CloseEvents, type RealtimeServer } from '$lib/server/realtime';
import { appRealtimeDeps } from '$lib/server/live';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { hashToken } from '$lib/server/hash';
import { setCoordinator } from '$lib/server/users';
import { createTestDatabase } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { startRealtimeServer, type TestRealtimeServer } from '$tests/support/realtime-server';
import { openRawPeer, upgradeStatus } from '$tests/support/realtime-clients';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// Access is decided at the upgrade, and open sockets follow every later change: the session
// expiring or being revoked, an instance role taken away, a change made while the upgrade waited.

let server: TestRealtimeServer;
type Person = Awaited<ReturnType<typeof buildUser>>;
let admin: Person;
let courseId: string;

const { db } = await createTestDatabase();
afterAll(() => server?.close());

beforeAll(async () => {
	admin = await buildUser(db, { name: 'Ada Admin' }); // the first account: the instance admin
	courseId = (await buildCourse(db, admin)).id;
	// Heartbeats every 100 ms; domain verbs given server.ctx reach its sockets.
	server = await startRealtimeServer(db, { heartbeatMs: 100 });
});

async function member(role: 'editor' | 'viewer' = 'editor'): Promise<{ person: Person; token: string }> {
	const person = await buildUser(db);
	await addMember(db, courseId, person.id, role);
	return { person, token: await buildSession(db, person.id) };
}

/** Waits for a ping's answer: whatever the server was going to do to this socket before it, it has done. */
const pingRoundTrip = (socket: { ws: { once(event: 'pong', fn: () => void): unknown; ping(): void } }) =>
	new Promise<void>((resolve) => {
		socket.ws.once('pong', () => resolve());
		socket.ws.ping();
	});

const open = (token: string, id = courseId) => openRawPeer(`${server.collabUrl}/${id}`, { token, origin: server.origin });

describe('open sockets follow the session', () => {
	it('closes the socket of a session that has expired with 4401', async () => {
		const { token } = await member();
		const socket = await open(token);
		await sql`update sessions set expires_at = now() - interval '1 minute' where id = ${hashToken(token)}`.execute(db);
		expect((await socket.closed).code).toBe(CloseEvents.Unauthorized.code);
	});

	it('closes the sockets of revoked sessions with 4401, and only those', async () => {
		const revoked = await member();
		const other = await member();
		const [first, second, bystander] = await Promise.all([
			open(revoked.token),
			open(await buildSession(db, revoked.person.id)),
			open(other.token)
		]);
		await invalidateUserSessions(db, revoked.person.id);
		expect((await first.closed).code).toBe(CloseEvents.Unauthorized.code);
		expect((await second.closed).code).toBe(CloseEvents.Unauthorized.code);
		// A heartbeat round trip later the bystander is still there.
		await pingRoundTrip(bystander);
		expect(bystander.ws.readyState).toBe(bystander.ws.OPEN);
		bystander.ws.terminate();
	});
});

describe('an instance role change reaches live access at once', () => {
	it('reconnects a coordinator whose role is taken away (4000), and the next upgrade is refused', async () => {
		const reviewer = await buildUser(db);
		await setCoordinator(server.ctx, admin, reviewer.id, true);
		const token = await buildSession(db, reviewer.id);
		const submitted = (await buildCourse(db, admin)).id;
		await db.updateTable('courses').set({ status: 'in_review' }).where('id', '=', submitted).execute();
		const socket = await open(token, submitted);

		await setCoordinator(server.ctx, admin, reviewer.id, false);
		expect((await socket.closed).code).toBe(CloseEvents.AccessChanged.code);
		expect(await upgradeStatus(`${server.collabUrl}/${submitted}`, { token, origin: server.origin })).toBe(404);
	});
});

describe('an access change while the upgrade waits is not missed', () => {
	it('decides again when access changed between the check and joining the room', async () => {
		const { person, token } = await member();
		// The app's policy, but the member is removed right after it said yes, before the socket joins.
		let realtime: RealtimeServer | undefined = undefined;
		const raceServer = http.createServer();
		realtime = attachRealtime(raceServer, {
			...appRealtimeDeps(db),
			authorize: async (request) => {
				const decision = await authorizeCollab(db, request);
				if (decision.ok && decision.user.id === person.id) {
					await removeMember(server.ctx, admin, courseId, person.id);
					realtime!.disconnect(courseId, CloseEvents.Forbidden, (peer) => peer.userId === person.id);
				}
				return decision;
			}
		});
		await new Promise<void>((resolve) => raceServer.listen(0, '127.0.0.1', resolve));
		const port = (raceServer.address() as AddressInfo).port;
		try {
			const status = await upgradeStatus(`ws://127.0.0.1:${port}/collab/${courseId}`, {
				token,
				origin: `http://127.0.0.1:${port}`
			});
			expect(status).toBe(404);
		} finally {
			await realtime.close();
			raceServer.closeAllConnections();
			await new Promise((resolve) => raceServer.close(resolve));
		}
	});
});

describe('a verb reaches the realtime server it is given', () => {
	it('closes the socket on the server whose context the removal was given, not on another one in the same process', async () => {
		// Two realtime servers in one process, no relay between them: only the context says which one hears of the change.
		const other = await startRealtimeServer(db, { heartbeatMs: 100 });
		try {
			const { person, token } = await member();
			const here = await open(token);
			const there = await openRawPeer(`${other.collabUrl}/${courseId}`, { token, origin: other.origin });
			await removeMember(other.ctx, admin, courseId, person.id);
			expect((await there.closed).code).toBe(CloseEvents.Forbidden.code);
			await pingRoundTrip(here);
			expect(here.ws.readyState).toBe(here.ws.OPEN);
			here.ws.terminate();
		} finally {
			await other.close();
		}
	});
});
