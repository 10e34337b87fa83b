import { describe, expect, it } from 'vitest';
import { FIXTURE_IDS } from '$lib/course-spec/fixtures';
import type { DatabaseHandle } from '$lib/server/db';
import { databaseThrottleStore } from '$lib/server/auth/throttle-store';
import {
	addPersonalLinks,
	createAnonymousLink,
	issuedLinkRows,
	listItems,
	listLinks,
	participantView,
	remindNonRespondents,
	revokeLink,
	submitResponse,
	submissionThrottle,
	type Mailer
} from '$lib/server/feedback';
import { SubmissionThrottle } from '$lib/server/feedback/throttle';
import type { OutgoingEmail as Mail } from '$lib/server/notifications/mailer';
import { createTestDatabase } from '$tests/support/db';
import { buildRound, formValues, tokenOf } from '$tests/support/feedback';

const database: DatabaseHandle = await createTestDatabase();
const db = database.db;
const ORIGIN = 'https://courses.example.org';
const [apply, compare, pitch] = FIXTURE_IDS.outcomes;
const [principles] = FIXTURE_IDS.modules;

/** Everything the generated required questions need, plus what `extra` adds. */
function complete(extra: Record<string, string | string[]> = {}) {
	return formValues({
		perspective: 'student',
		'overall.recommend': '9',
		...Object.fromEntries(FIXTURE_IDS.outcomes.flatMap((o) => [[`outcome.${o}.relevance`, '4'], [`outcome.${o}.clarity`, '5']])),
		...extra
	});
}

/** Email going out as SMTP would take it: kept in a list the test reads. */
function outbox(): Mailer & { sent: Mail[] } {
	const sent: Mail[] = [];
	return { delivers: true, sent, send: async (mail) => void sent.push(mail) };
}
const noEmail: Mailer = { delivers: false, send: async () => { throw new Error('no email without SMTP'); } };

describe('responses through an anonymous link', () => {
	it('checks every answer on the server and says what is wrong next to each question', async () => {
		const { owner, courseId, round } = await buildRound(db);
		const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, null, ORIGIN)).url);
		const result = await submitResponse(
			db,
			submissionThrottle(db),
			token,
			formValues({ perspective: 'teacher', [`outcome.${apply}.relevance`]: '7', [`module.${principles}.hours`]: 'many', 'overall.recommend': '10' }),
			'192.0.2.20'
		);
		expect(result.ok).toBe(false);
		if (result.ok || result.reason !== 'invalid') throw new Error('expected invalid');
		expect(result.errors).toMatchObject({
			perspective: 'Choose how you answer.',
			[`outcome.${apply}.relevance`]: 'Choose a number from 1 to 5.',
			[`outcome.${apply}.clarity`]: 'Please answer this question.',
			[`outcome.${compare}.relevance`]: 'Please answer this question.',
			[`module.${principles}.hours`]: 'Give the hours as a number, for example 12 or 7.5.'
		});
		expect(result.errors['overall.recommend']).toBeUndefined();
		expect((await listLinks(db, owner, courseId, round.id)).anonymous[0].responses).toBe(0);
	});

	it('stops at the cap, counts what it turned away, and then shows that the round has what it asked for', async () => {
		const { owner, courseId, round } = await buildRound(db);
		const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, 2, ORIGIN)).url);
		const throttle = submissionThrottle(db);
		const results = [];
		for (const address of ['192.0.2.31', '192.0.2.32', '192.0.2.33']) results.push(await submitResponse(db, throttle, token, complete(), address));
		expect(results.map((r) => r.ok)).toEqual([true, true, false]);
		expect(results[2]).toMatchObject({ reason: 'unavailable', view: { state: 'full' } });
		expect((await participantView(db, token)).state).toBe('full');
		const links = await listLinks(db, owner, courseId, round.id);
		expect(links.anonymous[0]).toMatchObject({ cap: 2, responses: 2, refused: 1 });
		expect(links.refused).toBe(1);
	});

	it('takes several at once without going over the cap', async () => {
		const { owner, courseId, round } = await buildRound(db);
		const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, 3, ORIGIN)).url);
		const throttle = submissionThrottle(db);
		const results = await Promise.all(Array.from({ length: 6 }, (_, i) => submitResponse(db, throttle, token, complete(), `198.51.100.${i + 1}`)));
		expect(results.filter((r) => r.ok)).toHaveLength(3);
		expect((await listLinks(db, owner, courseId, round.id)).anonymous[0]).toMatchObject({ responses: 3, refused: 3 });
	});

	it('throttles one address and one link, so a script cannot flood a round, and the team sees the refusals', async () => {
		const { owner, courseId, round } = await buildRound(db);
		const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, null, ORIGIN)).url);
		const throttle = new SubmissionThrottle(databaseThrottleStore(db), {
			perAddress: { limit: 3, windowMs: 600_000 },
			perLink: { limit: 5, windowMs: 600_000 }
		});
		const now = new Date();
		const send = (address: string, at = now) => submitResponse(db, throttle, token, complete(), address, at);
		const fromOne = [];
		for (let i = 0; i < 4; i++) fromOne.push(await send('203.0.113.7'));
		expect(fromOne.map((r) => r.ok)).toEqual([true, true, true, false]);
		expect(fromOne[3]).toMatchObject({ reason: 'rate_limited', retryAfterSeconds: expect.any(Number) });
		if (!fromOne[3].ok && fromOne[3].reason === 'rate_limited') expect(fromOne[3].message).toMatch(/try again in 10 minutes/);
		// IPv6 addresses count per /64: another address in the same network is the same client.
		expect((await send('2001:db8:1:2::1')).ok).toBe(true);
		expect((await send('2001:db8:1:2::ffff')).ok).toBe(true);
		// The link as a whole has had 5: even a fresh address is turned away now.
		expect((await send('203.0.113.99')).ok).toBe(false);
		expect((await listLinks(db, owner, courseId, round.id)).anonymous[0]).toMatchObject({ responses: 5, refused: 2 });
		// After the window, answers are taken again.
		expect((await send('203.0.113.7', new Date(now.getTime() + 601_000))).ok).toBe(true);
	});
});

describe('personal links', () => {
	it('give one response that its holder reopens and changes until the round closes', async () => {
		const { owner, viewer, courseId, round } = await buildRound(db, { anonymous: false, audience: ['company_partner'] });
		const { issued, alreadyInvited } = await addPersonalLinks(db, noEmail, owner, courseId, round.id, 'Pia Partner <pia@firm.example>\nteo@firm.example, PIA@firm.example', ORIGIN);
		expect(alreadyInvited).toEqual([]);
		expect(issued.map((l) => [l.email, l.emailed])).toEqual([
			['pia@firm.example', false],
			['teo@firm.example', false]
		]);
		expect(issued[0].url).toMatch(/^https:\/\/courses\.example\.org\/r\/[a-z2-7]{32}$/);
		const pia = tokenOf(issued[0].url);
		const throttle = submissionThrottle(db);

		const first = await submitResponse(db, throttle, pia, complete({ name: 'Pia Partner', 'overall.comment': 'More cases from industry, please.' }), '192.0.2.40');
		expect(first).toEqual({ ok: true, personal: true });
		const reopened = await participantView(db, pia);
		if (reopened.state !== 'open') throw new Error('expected the form');
		expect(reopened.form.previous).toMatchObject({ perspective: 'company_partner', name: 'Pia Partner', answers: { 'overall.recommend': 9, 'overall.comment': 'More cases from industry, please.' } });

		const changed = await submitResponse(db, throttle, pia, complete({ name: 'Pia Partner', 'overall.recommend': '6' }), '192.0.2.40');
		expect(changed.ok).toBe(true);
		const links = await listLinks(db, owner, courseId, round.id);
		expect(links.personal.map((l) => [l.email, l.answered])).toEqual([
			['pia@firm.example', true],
			['teo@firm.example', false]
		]);
		expect([links.invited, links.answered]).toEqual([2, 1]);
		const again = await participantView(db, pia);
		if (again.state !== 'open') throw new Error('expected the form');
		// Still one response, now with the changed answers: the comment was taken out.
		expect(again.form.previous?.answers['overall.recommend']).toBe(6);
		expect(again.form.previous?.answers['overall.comment']).toBeUndefined();

		// Adding the same people again leaves their links alone.
		const repeat = await addPersonalLinks(db, noEmail, owner, courseId, round.id, 'teo@firm.example new@firm.example', ORIGIN);
		expect(repeat.alreadyInvited).toEqual(['teo@firm.example']);
		expect(repeat.issued.map((l) => l.email)).toEqual(['new@firm.example']);

		// The CSV of links just handed out holds only this round's tokens.
		const rows = await issuedLinkRows(db, owner, courseId, round.id, [pia, tokenOf(repeat.issued[0].url), 'b'.repeat(32)], ORIGIN);
		expect(rows.map((r) => r.email)).toEqual(['new@firm.example', 'pia@firm.example']);
		expect(await issuedLinkRows(db, viewer, courseId, round.id, [pia], ORIGIN).catch((e) => e.code)).toBe('forbidden');

		// Past the closing time the link shows that the round has closed and changes nothing.
		const later = new Date(round.closesAt.getTime() + 1);
		expect((await participantView(db, pia, later)).state).toBe('closed');
		expect(await submitResponse(db, throttle, pia, complete({ name: 'Pia' }), '192.0.2.40', later)).toMatchObject({ ok: false, reason: 'unavailable' });
	});

	it('refuses a list with a wrong address as a whole, naming it', async () => {
		const { owner, courseId, round } = await buildRound(db);
		const error = await addPersonalLinks(db, noEmail, owner, courseId, round.id, 'ok@school.example\nnot-an-address', ORIGIN).catch((e) => e);
		expect(error).toMatchObject({ code: 'invalid', field: 'emails', message: expect.stringContaining('“not-an-address”') });
		expect((await listLinks(db, owner, courseId, round.id)).personal).toEqual([]);
	});

	it('are emailed when email reaches people; reminders carry a fresh link and the first keeps working', async () => {
		const { owner, courseId, round } = await buildRound(db, { language: 'fi' });
		const mail = outbox();
		const { issued } = await addPersonalLinks(db, mail, owner, courseId, round.id, 'a@school.example b@school.example', ORIGIN);
		expect(issued.every((l) => l.emailed)).toBe(true);
		expect(mail.sent.map((m) => m.to)).toEqual(['a@school.example', 'b@school.example']);
		expect(mail.sent[0].subject).toBe('Palautteesi opintojaksosta ”Kiertotalouden tuotesuunnittelu”');
		expect(mail.sent[0].text).toContain(issued[0].url);

		await submitResponse(db, submissionThrottle(db), tokenOf(issued[0].url), complete(), '192.0.2.50');
		const reminders = await remindNonRespondents(db, mail, owner, courseId, round.id, ORIGIN);
		expect(reminders.map((r) => [r.email, r.emailed])).toEqual([['b@school.example', true]]);
		expect(mail.sent[2].subject).toMatch(/^Muistutus/);
		expect(reminders[0].url).not.toBe(issued[1].url);
		for (const url of [issued[1].url, reminders[0].url]) expect((await participantView(db, tokenOf(url))).state).toBe('open');
		const b = (await listLinks(db, owner, courseId, round.id)).personal.find((l) => l.email === 'b@school.example');
		// An anonymous round does not tell the team who has answered.
		expect(b).toMatchObject({ answered: null, reminderCount: 1, remindedAt: expect.any(Date), emailedAt: expect.any(Date) });

		// Without email, reminders come back as links to copy.
		const copied = await remindNonRespondents(db, noEmail, owner, courseId, round.id, ORIGIN);
		expect(copied.map((r) => [r.email, r.emailed])).toEqual([['b@school.example', false]]);
	});

	it('stop working when revoked', async () => {
		const { owner, courseId, round } = await buildRound(db);
		const { issued } = await addPersonalLinks(db, noEmail, owner, courseId, round.id, 'c@school.example', ORIGIN);
		const [link] = (await listLinks(db, owner, courseId, round.id)).personal;
		await revokeLink(db, owner, courseId, round.id, link.id);
		expect((await participantView(db, tokenOf(issued[0].url))).state).toBe('revoked');
		expect(await submitResponse(db, submissionThrottle(db), tokenOf(issued[0].url), complete(), '192.0.2.60')).toMatchObject({ ok: false, reason: 'unavailable' });
	});
});

describe('feedback items', () => {
	it('are made from text answers and low ratings, keep their triage, and follow changed answers', async () => {
		const { owner, courseId, round } = await buildRound(db, { anonymous: false, audience: ['student'] });
		const { issued } = await addPersonalLinks(db, noEmail, owner, courseId, round.id, 'd@school.example', ORIGIN);
		const token = tokenOf(issued[0].url);
		const throttle = submissionThrottle(db);
		await submitResponse(
			db,
			throttle,
			token,
			complete({ name: 'Dana', [`outcome.${pitch}.clarity`]: '2', 'overall.recommend': '5', [`module.${principles}.change`]: 'Fewer slides.', [`module.${principles}.hours`]: '40' }),
			'192.0.2.70'
		);
		const list = await listItems(db, owner, courseId, round.id);
		expect(list.items.map((i) => [i.subject.label, i.excerpt, i.respondent])).toEqual([
			['LO3 Students are able to present a redesign proposal to an industry panel.', 'Clarity: 2 of 5', 'Dana'],
			['Module 1: Principles', 'Fewer slides.', 'Dana'],
			['The course as a whole', 'Would recommend: 5 of 10', 'Dana']
		]);
		expect(list.counts).toEqual({ open: 3, accepted: 0, declined: 0, done: 0 });
	});
});
