import { describe, expect, it } from 'vitest';
import { fullSpec, FIXTURE_IDS } from '$lib/course-spec/fixtures';
import type { DatabaseHandle } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { setCourseArchived } from '$lib/server/courses';
import {
	addCustomQuestion,
	createAnonymousLink,
	createRound,
	deleteQuestion,
	deleteRound,
	listQuestions,
	listRounds,
	moveQuestion,
	participantView,
	setRoundOpen,
	submitResponse,
	submissionThrottle,
	updateQuestion,
	updateRound
} from '$lib/server/feedback';
import { saveVersion } from '$lib/server/versions';
import { createTestDatabase } from '$tests/support/db';
import { buildCourseWithVersion, buildRound, formValues, roundSettings, tokenOf } from '$tests/support/feedback';
import { withoutLive } from '$lib/server/live-context';

const database: DatabaseHandle = await createTestDatabase();
const db = database.db;
const HOUR = 3_600_000;
const ORIGIN = 'https://courses.example.org';

async function codeOf(work: Promise<unknown>): Promise<string> {
	try {
		await work;
	} catch (err) {
		if (isDomainError(err)) return err.code;
		throw err;
	}
	return 'ok';
}

const question = (over: Partial<{ prompt: string; help: string; required: boolean; options: string[]; subject: string }> = {}) => ({
	prompt: 'Which tools did you use?',
	help: '',
	required: false,
	options: [],
	subject: 'overall',
	...over
});

describe('a round on a saved version', () => {
	it('is created by owners and editors only, freezes the version and generates its questions', async () => {
		const { owner, editor, commenter, viewer, courseId, versionNumber } = await buildCourseWithVersion(db);
		expect(await codeOf(createRound(db, commenter, courseId, versionNumber, roundSettings()))).toBe('forbidden');
		expect(await codeOf(createRound(db, viewer, courseId, versionNumber, roundSettings()))).toBe('forbidden');
		expect(await codeOf(createRound(db, editor, courseId, 99, roundSettings()))).toBe('invalid');

		const round = await createRound(db, editor, courseId, versionNumber, roundSettings());
		expect(round).toMatchObject({ title: 'Spring pilot', versionNumber, versionTitle: 'v1 · Ready for the pilot', phase: 'open', responseCount: 0 });
		const questions = await listQuestions(db, viewer, courseId, round.id);
		expect(questions).toHaveLength(3 * 3 + 3 * 2 + 4);
		expect(questions[0].id).toBe(`outcome.${FIXTURE_IDS.outcomes[0]}.relevance`);
		expect((await listRounds(db, viewer, courseId)).map((r) => r.id)).toEqual([round.id]);

		// The round keeps the version's text even when the course and its versions move on.
		const changed = fullSpec();
		changed.learningOutcomes[0].text.en = 'Something else entirely.';
		await saveVersion(withoutLive(db), owner, courseId, 'After the pilot');
		const link = await createAnonymousLink(db, owner, courseId, round.id, null, ORIGIN);
		const view = await participantView(db, tokenOf(link.url));
		expect(view.state).toBe('open');
		if (view.state !== 'open') return;
		expect(view.form.content.outcomes[0].text).toBe('Apply circular-design principles to an existing product.');
		expect(view.form.content.modules.map((m) => [m.title, m.plannedHours])).toEqual([
			['Principles', 27],
			['Materials and LCA', 27],
			['Redesign studio', 27]
		]);
	});

	it('gives the same question ids to a second round, so rounds can be compared', async () => {
		const { owner, courseId, versionNumber, round } = await buildRound(db);
		const second = await createRound(db, owner, courseId, versionNumber, roundSettings({ title: 'Autumn pilot', language: 'fi' }));
		const ids = async (id: string) => (await listQuestions(db, owner, courseId, id)).map((q) => q.id);
		expect(await ids(second.id)).toEqual(await ids(round.id));
		const finnish = await listQuestions(db, owner, courseId, second.id);
		expect(finnish.find((q) => q.id === 'overall.recommend')?.prompt).toMatch(/suosittelisit/);
	});

	it('is not open yet, then open, then closed, and the form says which', async () => {
		const now = Date.now();
		const { owner, courseId, round } = await buildRound(db, { opensAt: new Date(now + HOUR), closesAt: new Date(now + 3 * HOUR) });
		const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, null, ORIGIN)).url);
		const stateAt = async (offset: number) => (await participantView(db, token, new Date(now + offset))).state;
		expect(await stateAt(0)).toBe('scheduled');
		expect(await stateAt(2 * HOUR)).toBe('open');
		expect(await stateAt(3 * HOUR)).toBe('closed');
		expect((await participantView(db, 'a'.repeat(32))).state).toBe('unknown');
		expect((await participantView(db, 'not a token')).state).toBe('unknown');

		// Nothing is taken outside the open hours, whatever the form sends.
		const throttle = submissionThrottle(db);
		const answers = formValues({ 'overall.recommend': '9' });
		const early = await submitResponse(db, throttle, token, answers, '192.0.2.1', new Date(now));
		expect(early).toMatchObject({ ok: false, reason: 'unavailable', view: { state: 'scheduled' } });

		await setRoundOpen(db, owner, courseId, round.id, true);
		// Opened at the moment of the call, which on a loaded machine can be seconds after `now`.
		expect((await participantView(db, token)).state).toBe('open');
		expect(await codeOf(setRoundOpen(db, owner, courseId, round.id, true))).toBe('conflict');
		await setRoundOpen(db, owner, courseId, round.id, false);
		expect((await participantView(db, token)).state).toBe('closed');
		const late = await submitResponse(db, throttle, token, answers, '192.0.2.1');
		expect(late).toMatchObject({ ok: false, reason: 'unavailable', view: { state: 'closed' } });
		expect(await codeOf(setRoundOpen(db, owner, courseId, round.id, true))).toBe('conflict');

		// A later closing time reopens it.
		await updateRound(db, owner, courseId, round.id, roundSettings({ closesAt: new Date(Date.now() + HOUR), opensAt: new Date(now - HOUR) }));
		expect((await participantView(db, token)).state).toBe('open');
	});

	it('takes custom questions, edits, reorders and removes them until the first answer, then keeps them', async () => {
		const { owner, editor, viewer, courseId, round } = await buildRound(db);
		const [apply] = FIXTURE_IDS.outcomes;
		const choice = await addCustomQuestion(db, editor, courseId, round.id, 'multiple', question({ options: ['OpenLCA', 'Spreadsheets', 'Paper'] }));
		expect(choice.id).toMatch(/^custom\.[a-z2-7]{12}$/);
		expect(choice.options.map((o) => o.label)).toEqual(['OpenLCA', 'Spreadsheets', 'Paper']);
		const rating = await addCustomQuestion(db, owner, courseId, round.id, 'rating', question({ prompt: 'How was the pace?', subject: `outcome:${apply}` }));
		expect(rating.options).toEqual([{ id: 'min', label: 'Lowest' }, { id: 'max', label: 'Highest' }]);
		expect(await codeOf(addCustomQuestion(db, viewer, courseId, round.id, 'short_text', question()))).toBe('forbidden');
		expect(await codeOf(addCustomQuestion(db, owner, courseId, round.id, 'single', question({ options: ['Only one'] })))).toBe('invalid');
		expect(await codeOf(addCustomQuestion(db, owner, courseId, round.id, 'short_text', question({ subject: 'outcome:nosuchthing' })))).toBe('invalid');

		// Editing a generated question keeps what it is about; an edited option keeps the others' ids.
		const relevance = `outcome.${apply}.relevance`;
		await updateQuestion(db, owner, courseId, round.id, relevance, question({ prompt: 'Does this matter for your job?', required: false, subject: 'overall' }));
		const edited = await updateQuestion(db, owner, courseId, round.id, choice.id, question({ options: ['OpenLCA', 'Excel', 'Paper'] }));
		expect(edited.options[0].id).toBe(choice.options[0].id);
		expect(edited.options[2].id).toBe(choice.options[2].id);
		expect(edited.options[1].id).not.toBe(choice.options[1].id);

		const order = async () => (await listQuestions(db, owner, courseId, round.id)).map((q) => q.id);
		const before = await order();
		expect(before.slice(-2)).toEqual([choice.id, rating.id]);
		await moveQuestion(db, owner, courseId, round.id, rating.id, 'up');
		await moveQuestion(db, owner, courseId, round.id, before[0], 'down');
		await moveQuestion(db, owner, courseId, round.id, before[0], 'up');
		await moveQuestion(db, owner, courseId, round.id, before[0], 'up'); // already first: nothing happens
		const after = await order();
		expect(after.slice(-2)).toEqual([rating.id, choice.id]);
		expect(after[0]).toBe(before[0]);
		const questions = await listQuestions(db, owner, courseId, round.id);
		expect(questions.find((q) => q.id === relevance)).toMatchObject({ prompt: 'Does this matter for your job?', required: false, subject: { kind: 'outcome', id: apply } });
		expect(questions.map((q) => q.position)).toEqual(questions.map((_, i) => i));

		await deleteQuestion(db, owner, courseId, round.id, `overall.least_useful`);
		expect(await order()).not.toContain('overall.least_useful');

		// The first answer fixes the questions.
		const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, null, ORIGIN)).url);
		const answered = await submitResponse(
			db,
			submissionThrottle(db),
			token,
			formValues({ perspective: 'student', 'overall.recommend': '8', ...Object.fromEntries(FIXTURE_IDS.outcomes.slice(1).flatMap((o) => [[`outcome.${o}.relevance`, '4'], [`outcome.${o}.clarity`, '4']])), [`outcome.${apply}.clarity`]: '3' }),
			'192.0.2.10'
		);
		expect(answered).toEqual({ ok: true, personal: false });
		expect(await codeOf(updateQuestion(db, owner, courseId, round.id, relevance, question()))).toBe('conflict');
		expect(await codeOf(moveQuestion(db, owner, courseId, round.id, relevance, 'down'))).toBe('conflict');
		expect(await codeOf(addCustomQuestion(db, owner, courseId, round.id, 'short_text', question()))).toBe('conflict');
		expect(await codeOf(deleteQuestion(db, owner, courseId, round.id, relevance))).toBe('conflict');
		// ...and the round's audience, language and anonymity; the times can still change.
		expect(await codeOf(updateRound(db, owner, courseId, round.id, roundSettings({ anonymous: false })))).toBe('conflict');
		expect(await codeOf(updateRound(db, owner, courseId, round.id, roundSettings({ language: 'sv' })))).toBe('conflict');
		expect(await codeOf(updateRound(db, owner, courseId, round.id, roundSettings({ title: 'Renamed' })))).toBe('ok');
		expect(await codeOf(deleteRound(db, owner, courseId, round.id))).toBe('conflict');
	});

	it('deletes a round nobody answered, and changes nothing in an archived course', async () => {
		const { owner, courseId, round, versionNumber } = await buildRound(db);
		await deleteRound(db, owner, courseId, round.id);
		expect(await listRounds(db, owner, courseId)).toEqual([]);
		const kept = await createRound(db, owner, courseId, versionNumber, roundSettings());
		await setCourseArchived(withoutLive(db), owner, courseId, true);
		expect(await codeOf(createRound(db, owner, courseId, versionNumber, roundSettings()))).toBe('forbidden');
		expect(await codeOf(addCustomQuestion(db, owner, courseId, kept.id, 'short_text', question()))).toBe('forbidden');
		expect((await listRounds(db, owner, courseId)).map((r) => r.id)).toEqual([kept.id]);
	});

	it('tells a participant nothing about the team, the course record or other responses', async () => {
		const { owner, editor, courseId, round } = await buildRound(db, { anonymous: false });
		const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, null, ORIGIN)).url);
		const answers = Object.fromEntries(FIXTURE_IDS.outcomes.flatMap((o) => [[`outcome.${o}.relevance`, '4'], [`outcome.${o}.clarity`, '4']]));
		const sent = await submitResponse(
			db,
			submissionThrottle(db),
			token,
			formValues({ perspective: 'student', name: 'Secret Sam', 'overall.recommend': '7', 'overall.comment': 'A private remark.', ...answers }),
			'192.0.2.77'
		);
		expect(sent.ok).toBe(true);
		const seen = JSON.stringify(await participantView(db, token));
		for (const secret of [owner.name, owner.email, editor.name, editor.email, courseId, owner.id, 'Secret Sam', 'A private remark.', 'Ready for the pilot']) {
			expect(seen).not.toContain(secret);
		}
		// An anonymous link holds no response of its own to read back.
		expect(JSON.parse(seen).form.previous).toBeNull();
	});

	it('reports a round of another course, or a course the caller is not in, as missing', async () => {
		const first = await buildRound(db);
		const second = await buildCourseWithVersion(db);
		expect(await codeOf(listQuestions(db, second.owner, second.courseId, first.round.id))).toBe('not_found');
		expect(await codeOf(listQuestions(db, second.owner, first.courseId, first.round.id))).toBe('not_found');
	});
});
