import { describe, expect, it } from 'vitest';
import { FIXTURE_IDS, fullSpec } from '$lib/course-spec/fixtures';
import type { DatabaseHandle } from '$lib/server/db';
import {
	addCustomQuestion,
	addPersonalLinks,
	attachDoneItemsToPublication,
	createAnonymousLink,
	listItems,
	publicationFeedback,
	questionsCsv,
	responsesCsv,
	roundResults,
	submitResponse,
	submissionThrottle,
	updateItem,
	type Mailer
} from '$lib/server/feedback';
import { generateId } from '$lib/server/ids';
import { createTestDatabase } from '$tests/support/db';
import { buildRound, formValues, tokenOf } from '$tests/support/feedback';

const database: DatabaseHandle = await createTestDatabase();
const db = database.db;
const ORIGIN = 'https://courses.example.org';
const [apply, compare, pitch] = FIXTURE_IDS.outcomes;
const [principles, materials] = FIXTURE_IDS.modules;
const noEmail: Mailer = { delivers: false, send: async () => {} };

interface Answer {
	perspective: 'student' | 'company_partner' | 'other';
	relevance: [number, number, number];
	clarity: [number, number, number];
	recommend: number;
	hours?: [number | '', number | ''];
	extra?: Record<string, string | string[]>;
}

function fields({ perspective, relevance, clarity, recommend, hours = ['', ''], extra = {} }: Answer) {
	return formValues({
		perspective,
		'overall.recommend': String(recommend),
		...Object.fromEntries(FIXTURE_IDS.outcomes.flatMap((o, i) => [[`outcome.${o}.relevance`, String(relevance[i])], [`outcome.${o}.clarity`, String(clarity[i])]])),
		[`module.${principles}.hours`]: String(hours[0]),
		[`module.${materials}.hours`]: String(hours[1]),
		...extra
	});
}

// Six answers: 3 students, 2 company partners, 1 other.
const ANSWERS: Answer[] = [
	{ perspective: 'student', relevance: [5, 3, 4], clarity: [4, 4, 2], recommend: 10, hours: [30, 20], extra: { 'overall.most_useful': 'The studio work.' } },
	{ perspective: 'student', relevance: [4, 3, 4], clarity: [5, 3, 3], recommend: 9, hours: [27, 25] },
	{ perspective: 'student', relevance: [3, 2, 5], clarity: [3, 4, 4], recommend: 6, hours: [40, ''], extra: { [`outcome.${compare}.comment`]: 'LCA needs more examples.' } },
	{ perspective: 'company_partner', relevance: [5, 5, 5], clarity: [4, 4, 4], recommend: 8, hours: [20, 30] },
	{ perspective: 'company_partner', relevance: [4, 4, 5], clarity: [2, 3, 5], recommend: 3, extra: { [`module.${principles}.change`]: 'Start with a real product.' } },
	{ perspective: 'other', relevance: [2, 1, 3], clarity: [3, 3, 3], recommend: 7, hours: [10, 5] }
];

async function answeredRound(anonymous: boolean) {
	const built = await buildRound(db, { anonymous });
	const { owner, courseId, round } = built;
	const choice = await addCustomQuestion(db, owner, courseId, round.id, 'single', { prompt: 'How did you take part?', help: '', required: false, options: ['On campus', 'Online'], subject: 'overall' });
	const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, null, ORIGIN)).url);
	const throttle = submissionThrottle(db);
	for (const [i, answer] of ANSWERS.entries()) {
		const result = await submitResponse(db, throttle, token, fields({ ...answer, extra: { ...answer.extra, [choice.id]: choice.options[i % 2].id } }), `192.0.2.${100 + i}`);
		expect(result.ok).toBe(true);
	}
	return { ...built, choice };
}

describe('results of a round', () => {
	it('add up to distributions, means, hours against the plan and an NPS-style score', async () => {
		const { viewer, courseId, round, choice } = await answeredRound(true);
		const { results, round: summary, links } = await roundResults(db, viewer, courseId, round.id, null);
		expect(summary.responseCount).toBe(6);
		expect(links).toMatchObject({ invited: 0, answered: 0, refused: 0, anonymousLinks: 1 });
		expect(results.responses).toBe(6);
		expect(results.byPerspective).toEqual({ student: 3, company_partner: 2, other: 1 });

		const [first, second, third] = results.outcomes;
		expect(first).toMatchObject({ id: apply, number: 1, relevance: { values: [1, 2, 3, 4, 5], counts: [0, 1, 1, 2, 2], n: 6, mean: 3.83 } });
		expect(first.clarity).toMatchObject({ counts: [0, 1, 2, 2, 1], mean: 3.5 });
		expect(second.relevance).toMatchObject({ counts: [1, 1, 2, 1, 1], mean: 3 });
		expect(third.clarity).toMatchObject({ counts: [0, 1, 2, 2, 1], mean: 3.5 });

		expect(results.modules.map((m) => [m.title, m.planned, m.actual?.n, m.actual?.mean, m.actual?.median, m.actual?.min, m.actual?.max])).toEqual([
			['Principles', 27, 5, 25.4, 27, 10, 40],
			['Materials and LCA', 27, 4, 20, 22.5, 5, 30],
			['Redesign studio', 27, 0, null, null, null, null]
		]);

		// 0–10: promoters 10, 9 → 2; passives 8, 7 → 2; detractors 6, 3 → 2: NPS 0.
		expect(results.recommend).toMatchObject({ n: 6, promoters: 2, passives: 2, detractors: 2, nps: 0, mean: 7.17 });
		expect(results.recommend?.counts).toEqual([0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 1]);

		expect(results.custom.find((c) => c.id === choice.id)?.choices).toEqual([
			{ label: 'On campus', count: 3 },
			{ label: 'Online', count: 3 }
		]);

		expect(results.texts.map((g) => [g.label, g.answers.map((a) => a.text)])).toEqual([
			['LO2 The learner can compare materials by their life-cycle impact.', ['LCA needs more examples.']],
			['Module 1: Principles', ['Start with a real product.']],
			['The course as a whole', ['The studio work.']]
		]);
		expect(results.texts[0].answers[0]).toMatchObject({ perspective: 'student', respondent: null });

		// Students: NPS (2 promoters − 1 detractor) / 3 = 33; relevance mean over their 9 ratings.
		const students = results.splits.find((s) => s.perspective === 'student');
		expect(students).toMatchObject({ n: 3, suppressed: false, nps: 33, relevance: 3.67, clarity: 3.56 });
		// (30−27 + 20−27 + 27−27 + 25−27 + 40−27) / 5 = 1.4 hours over the plan.
		expect(students?.hoursOverPlan).toBe(1.4);
		// In an anonymous round fewer than three answers from one perspective are not broken down.
		expect(results.splits.find((s) => s.perspective === 'company_partner')).toMatchObject({ n: 2, suppressed: true, nps: null, relevance: null });
	});

	it('filter by perspective, and keep small groups of an anonymous round to themselves', async () => {
		const { owner, courseId, round } = await answeredRound(true);
		const students = (await roundResults(db, owner, courseId, round.id, 'student')).results;
		expect(students).toMatchObject({ filter: 'student', responses: 3, suppressed: false });
		expect(students.recommend).toMatchObject({ n: 3, nps: 33 });
		expect(students.outcomes[0].relevance?.mean).toBe(4);
		const partners = (await roundResults(db, owner, courseId, round.id, 'company_partner')).results;
		expect(partners).toMatchObject({ responses: 2, suppressed: true, recommend: { n: 0, nps: null }, texts: [] });
		expect(partners.outcomes[0].relevance?.n).toBe(0);
	});

	it('break down small groups in a named round, and name who said what', async () => {
		const { owner, courseId, round } = await answeredRoundNamed();
		const { results } = await roundResults(db, owner, courseId, round.id, 'company_partner');
		expect(results).toMatchObject({ responses: 1, suppressed: false });
		expect(results.texts[0].answers[0]).toMatchObject({ respondent: 'Pia Partner', text: 'Too much theory.' });
	});
});

async function answeredRoundNamed() {
	const built = await buildRound(db, { anonymous: false });
	const { owner, courseId, round } = built;
	const { issued } = await addPersonalLinks(db, noEmail, owner, courseId, round.id, 'pia@firm.example', ORIGIN);
	const result = await submitResponse(
		db,
		submissionThrottle(db),
		tokenOf(issued[0].url),
		fields({ perspective: 'company_partner', relevance: [4, 4, 4], clarity: [4, 4, 4], recommend: 8, extra: { name: 'Pia Partner', 'overall.comment': '=cmd|calc', [`outcome.${pitch}.comment`]: 'Too much theory.' } }),
		'192.0.2.200'
	);
	expect(result.ok).toBe(true);
	return built;
}

describe('results read again', () => {
	it('count a response stored or changed after the last read, and the filter, every time', async () => {
		const { owner, courseId, round } = await buildRound(db, { anonymous: false });
		const [link] = (await addPersonalLinks(db, noEmail, owner, courseId, round.id, 'ann@example.org\nbo@example.org', ORIGIN)).issued;
		const throttle = submissionThrottle(db);
		const read = async (filter: 'student' | null = null) => (await roundResults(db, owner, courseId, round.id, filter)).results;
		expect((await read()).responses).toBe(0);
		const answer = (recommend: number) => fields({ ...ANSWERS[0], recommend, extra: { name: 'Ann' } });
		expect(await submitResponse(db, throttle, tokenOf(link.url), answer(10), '192.0.2.1')).toMatchObject({ ok: true });
		expect((await read()).recommend).toMatchObject({ n: 1, mean: 10 });
		expect((await read()).recommend).toMatchObject({ n: 1, mean: 10 });
		// The same person changes their answer: same count, different numbers.
		expect(await submitResponse(db, throttle, tokenOf(link.url), answer(2), '192.0.2.1')).toMatchObject({ ok: true });
		expect((await read()).recommend).toMatchObject({ n: 1, mean: 2 });
		expect((await read('student')).responses).toBe(1);
		expect((await roundResults(db, owner, courseId, round.id, null)).round.responseCount).toBe(1);
	});
});

describe('written answers on the results page', () => {
	it('show the latest 30 per outcome or module, with how many there are in all', async () => {
		const { owner, courseId, round } = await buildRound(db);
		const token = tokenOf((await createAnonymousLink(db, owner, courseId, round.id, null, ORIGIN)).url);
		const throttle = submissionThrottle(db);
		for (let i = 1; i <= 32; i++) {
			const answer = fields({ ...ANSWERS[1], extra: { 'overall.comment': `Comment number ${i}` } });
			expect(await submitResponse(db, throttle, token, answer, `198.51.100.${i}`)).toMatchObject({ ok: true });
		}
		const overall = (await roundResults(db, owner, courseId, round.id, null)).results.texts.find((g) => g.subject.kind === 'overall');
		expect(overall?.total).toBe(32);
		expect(overall?.answers.map((a) => a.text)).toEqual(Array.from({ length: 30 }, (_, i) => `Comment number ${i + 3}`));
	});
});

describe('CSV of the raw responses', () => {
	it('has no identity columns in an anonymous round', async () => {
		const { owner, viewer, courseId, round, choice } = await answeredRound(true);
		expect(await responsesCsv(db, viewer, courseId, round.id).catch((e) => e.code)).toBe('forbidden');
		const { csv, filename } = await responsesCsv(db, owner, courseId, round.id);
		expect(filename).toBe('spring-pilot-responses.csv');
		const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
		const header = lines[0].split(',');
		expect(header.slice(0, 3)).toEqual(['response', 'submitted_on', 'perspective']);
		expect(header).not.toEqual(expect.arrayContaining(['name', 'email', 'link', 'submitted_at', 'updated_at']));
		expect(header).toContain(`outcome.${apply}.relevance`);
		expect(header.at(-1)).toBe(choice.id);
		expect(lines).toHaveLength(1 + ANSWERS.length);
		expect(lines[1]).toMatch(/^1,\d{4}-\d{2}-\d{2},(student|company_partner|other),/);
		const perspectives = lines.slice(1).map((l) => l.split(',')[2]).sort();
		expect(perspectives).toEqual(['company_partner', 'company_partner', 'other', 'student', 'student', 'student']);
		expect(csv).toContain('On campus');
		const questions = (await questionsCsv(db, owner, courseId, round.id)).csv;
		expect(questions).toContain(`outcome.${apply}.relevance,1,rating,LO1 Apply circular-design principles to an existing product.,How relevant is this outcome to your work or studies?,yes,Not relevant; Very relevant`);
	});

	it('names who answered in a named round, with formulas defused', async () => {
		const { owner, courseId, round } = await answeredRoundNamed();
		const { csv } = await responsesCsv(db, owner, courseId, round.id);
		const [header, row] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
		expect(header.startsWith('response,submitted_at,updated_at,perspective,name,email,link,')).toBe(true);
		expect(row).toContain(',company_partner,Pia Partner,pia@firm.example,personal,');
		expect(row).toContain(",'=cmd|calc");
	});
});

describe('triage', () => {
	it('decides on items, links them to a version, follows changed answers, and feeds "you said, we changed"', async () => {
		const { owner, editor, commenter, courseId, round } = await buildRound(db, { anonymous: false, audience: ['student'] });
		const { issued } = await addPersonalLinks(db, noEmail, owner, courseId, round.id, 'sam@school.example', ORIGIN);
		const token = tokenOf(issued[0].url);
		const send = (extra: Record<string, string>) =>
			submitResponse(db, submissionThrottle(db), token, fields({ perspective: 'student', relevance: [4, 4, 4], clarity: [4, 4, 4], recommend: 9, extra: { name: 'Sam', ...extra } }), '192.0.2.210');
		await send({ [`module.${principles}.change`]: 'Shorter videos.', 'overall.comment': 'Great.' });

		const { items, versions } = await listItems(db, owner, courseId, round.id);
		expect(items.map((i) => i.excerpt)).toEqual(['Shorter videos.', 'Great.']);
		expect(versions).toEqual([{ number: 1, title: 'Ready for the pilot' }]);
		const [videos, great] = items;
		expect(await updateItem(db, commenter, courseId, round.id, { itemId: videos.id, status: 'done', note: '', said: '', addressedIn: '' }).catch((e) => e.code)).toBe('forbidden');
		expect(await updateItem(db, editor, courseId, round.id, { itemId: videos.id, status: 'done', note: '', said: '', addressedIn: 'v7' }).catch((e) => e.field)).toBe('addressedIn');
		await updateItem(db, editor, courseId, round.id, {
			itemId: videos.id,
			status: 'done',
			note: 'Videos are now at most ten minutes.',
			said: 'The videos were too long.',
			addressedIn: 'v1'
		});
		await updateItem(db, owner, courseId, round.id, { itemId: great.id, status: 'declined', note: 'Thanks!', said: '', addressedIn: '' });

		// The participant changes both answers: the decided items stay, flagged; a new text makes a new item.
		await send({ [`module.${principles}.change`]: 'Shorter videos and more exercises.', [`outcome.${apply}.comment`]: 'Clear.' });
		const after = await listItems(db, owner, courseId, round.id);
		expect(after.items.map((i) => [i.excerpt, i.status, i.answerChangedAt !== null])).toEqual([
			['Shorter videos and more exercises.', 'done', true],
			['Great.', 'declined', true],
			['Clear.', 'open', false]
		]);
		expect(after.items[0]).toMatchObject({ note: 'Videos are now at most ten minutes.', addressedIn: { kind: 'version', number: 1 }, updatedBy: 'Eero Editor', respondent: 'Sam' });
		expect(after.counts).toEqual({ open: 1, accepted: 0, declined: 1, done: 1 });
		expect((await listItems(db, owner, courseId, round.id, { status: 'open' })).items.map((i) => i.excerpt)).toEqual(['Clear.']);
		expect((await listItems(db, owner, courseId, round.id, { subject: `module:${principles}` })).items).toHaveLength(1);

		// Publishing carries the done items; the public list shows only what the team worded for it.
		const publishedId = generateId();
		await db.transaction().execute(async (trx) => {
			await trx
				.insertInto('published_versions')
				.values({
					id: publishedId,
					course_id: courseId,
					number: 1,
					state: new Uint8Array([0, 0]),
					spec: JSON.stringify(fullSpec()),
					content_hash: 'a'.repeat(64),
					approved_by: owner.id,
					approved_at: new Date(),
					published_by: owner.id
				})
				.execute();
			expect(await attachDoneItemsToPublication(trx, courseId, publishedId)).toBe(1);
		});
		expect(await publicationFeedback(db, publishedId)).toEqual({
			summary: '',
			addressed: 1,
			items: [{ about: 'Module 1: Principles', said: 'The videos were too long.', changed: 'Videos are now at most ten minutes.' }]
		});
		expect(await publicationFeedback(db, generateId()).catch((e) => e.code)).toBe('not_found');
		expect((await listItems(db, owner, courseId, round.id)).items[0].addressedIn).toEqual({ kind: 'published', id: publishedId, number: 1 });
	});
});
