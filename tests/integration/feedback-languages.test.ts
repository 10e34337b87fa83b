import { describe, expect, it } from 'vitest';
import { fullSpec, FIXTURE_IDS } from '$lib/course-spec/fixtures';
import type { Locale } from '$lib/i18n/locales';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { isDomainError } from '$lib/server/errors';
import { createAnonymousLink, createRound, listItems, participantLocale, participantView, submitResponse, submissionThrottle } from '$lib/server/feedback';
import { parseRoundSettings } from '$lib/server/feedback/schema';
import { subjectLabel } from '$lib/server/feedback/subjects';
import { setUserLocale } from '$lib/server/i18n/preference';
import { addNotifications } from '$lib/server/notifications/store';
import { createTestDatabase } from '$tests/support/db';
import { buildUser } from '$tests/support/factories';
import { buildCourseWithVersion, buildRound, formValues, roundSettings, tokenOf } from '$tests/support/feedback';

// Feedback and notifications in three languages: the team's pages and errors in the request's
// language, a participant's pages in the round's, an email in its recipient's.

const { db } = await createTestDatabase();
const ORIGIN = 'https://courses.example.org';
const HOUR = 3_600_000;

/** Runs `work` as the server runs a request from a browser asking for `language`. */
function asRequestIn<T>(language: Locale, work: () => Promise<T>): Promise<T> {
	const request = new Request(`${ORIGIN}/courses`, { headers: { 'accept-language': language } });
	return paraglideMiddleware(request, () => work()) as Promise<T>;
}

async function messageOf(work: Promise<unknown>): Promise<string> {
	try {
		await work;
	} catch (err) {
		if (isDomainError(err)) return err.message;
		throw err;
	}
	return 'ok';
}

describe('a participant link', () => {
	it("speaks its round's language, whatever the visitor's browser asks for", async () => {
		const { owner, courseId, round } = await buildRound(db, { language: 'sv' });
		const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, null, ORIGIN)).url);
		expect(await participantLocale(db, token)).toBe('sv');
		expect(await participantLocale(db, 'a'.repeat(32))).toBeNull();
		expect(await participantLocale(db, '../../etc')).toBeNull();

		// The form's own words are the round's language even inside a Finnish request (a team preview).
		const view = await asRequestIn('fi', () => participantView(db, token));
		expect(view.state).toBe('open');
		if (view.state !== 'open') return;
		expect(view.form.questions.find((q) => q.id === 'overall.recommend')?.prompt).toBe(
			'Hur troligt är det att du skulle rekommendera kursen till en vän eller kollega?'
		);
	});
});

describe("the team's feedback pages", () => {
	it('say what is wrong in the language of the request', async () => {
		const form = new FormData();
		form.set('title', '');
		form.set('language', 'fi');
		form.set('responses', 'anonymous');
		form.set('timeZone', 'Europe/Helsinki');
		form.set('opensAt', '2027-03-01T09:00');
		form.set('closesAt', '2027-02-01T09:00');
		form.append('audience', 'student');
		const inFinnish = await asRequestIn('fi', async () => parseRoundSettings(form));
		const inSwedish = await asRequestIn('sv', async () => parseRoundSettings(form));
		expect(inFinnish.ok || inFinnish.errors.title).toBe('Anna kierrokselle otsikko, esim. ”Pilotti kevään opiskelijoiden kanssa”.');
		expect(inSwedish.ok || inSwedish.errors.title).toBe('Ge omgången en rubrik, t.ex. ”Pilot med vårens studerande”.');

		form.set('title', 'Kevään pilotti');
		const order = await asRequestIn('fi', async () => parseRoundSettings(form));
		expect(order.ok || order.errors.closesAt).toBe('Kierroksen on sulkeuduttava vasta avautumisen jälkeen.');

		const { owner, courseId, versionNumber } = await buildCourseWithVersion(db);
		const past = roundSettings({ closesAt: new Date(Date.now() - HOUR), opensAt: new Date(Date.now() - 2 * HOUR) });
		expect(await asRequestIn('sv', () => messageOf(createRound(db, owner, courseId, versionNumber, past)))).toBe(
			'Stängningstiden har redan passerat.'
		);
		expect(await asRequestIn('en', () => messageOf(createRound(db, owner, courseId, versionNumber, past)))).toBe(
			'That closing time has already passed.'
		);
	});

	it('word low ratings in the reader’s language, whatever language the answer came in', async () => {
		const { owner, courseId, round } = await buildRound(db, { language: 'sv' });
		const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, null, ORIGIN)).url);
		const [first] = FIXTURE_IDS.outcomes;
		const answers = formValues({
			perspective: 'student',
			'overall.recommend': '9',
			...Object.fromEntries(FIXTURE_IDS.outcomes.flatMap((o) => [[`outcome.${o}.relevance`, o === first ? '1' : '4'], [`outcome.${o}.clarity`, '4']]))
		});
		expect((await submitResponse(db, submissionThrottle(db), token, answers, '192.0.2.7')).ok).toBe(true);
		const item = async (language: Locale) =>
			(await asRequestIn(language, () => listItems(db, owner, courseId, round.id))).items.find((i) => i.excerpt.includes('1'))?.excerpt;
		expect(await item('fi')).toBe('Merkityksellisyys: 1/5');
		expect(await item('en')).toBe('Relevance: 1 of 5');
	});

	it('name what a question is about in the reader’s language', async () => {
		const spec = fullSpec();
		const [firstModule] = FIXTURE_IDS.modules;
		const [firstOutcome] = FIXTURE_IDS.outcomes;
		expect(await asRequestIn('fi', async () => subjectLabel(spec, { kind: 'overall', id: null }))).toBe('Opintojakso kokonaisuutena');
		expect(await asRequestIn('sv', async () => subjectLabel(spec, { kind: 'module', id: firstModule }))).toMatch(/^Modul 1: /);
		expect(await asRequestIn('fi', async () => subjectLabel(spec, { kind: 'outcome', id: firstOutcome }))).toMatch(/^OT1 /);
		expect(await asRequestIn('fi', async () => subjectLabel(spec, { kind: 'module', id: 'gone' }))).toBe('Poistettu moduuli');
	});
});

describe('notification emails', () => {
	it("are in each recipient's language, not the sender's", async () => {
		const sender = await buildUser(db, { name: 'Liisa Lecturer' });
		const finn = await buildUser(db, { name: 'Aino', email: 'aino@example.org' });
		const swede = await buildUser(db, { name: 'Björn', email: 'bjorn@example.org' });
		const unset = await buildUser(db, { name: 'Una', email: 'una@example.org' });
		await setUserLocale(db, finn.id, 'fi');
		await setUserLocale(db, swede.id, 'sv');
		const { courseId } = await buildCourseWithVersion(db);
		await db.updateTable('courses').set({ title: 'Kiertotalous' }).where('id', '=', courseId).execute();

		// Sent from inside an English request: the sender's language must not leak into the emails.
		const emails = await asRequestIn('en', () =>
			db.transaction().execute((trx) =>
				addNotifications(
					trx,
					{ kind: 'course.published', recipients: [finn.id, swede.id, unset.id], courseId, actorId: sender.id, data: { version: 3 } },
					ORIGIN
				)
			)
		);
		const to = (address: string) => emails.find((e) => e.to === address)!;
		expect(to('aino@example.org').subject).toBe('Liisa Lecturer julkaisi opintojaksosta ”Kiertotalous” version v3');
		expect(to('aino@example.org').text).toContain(`Co-course · kaikki ilmoituksesi: ${ORIGIN}/notifications`);
		expect(to('bjorn@example.org').subject).toBe('Liisa Lecturer publicerade v3 av ”Kiertotalous”');
		expect(to('bjorn@example.org').text).toContain(`Öppna: ${ORIGIN}/courses/${courseId}/publish`);
		expect(to('una@example.org').subject).toBe('Liisa Lecturer published v3 of “Kiertotalous”');
	});
});
