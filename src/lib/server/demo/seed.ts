import type { Kysely } from 'kysely';
import { applySpec } from '$lib/course-spec/apply-spec';
import { docToSpec } from '$lib/course-spec/doc';
import { primaryLanguage } from '$lib/course-spec/rules/field-values';
import type { CourseSpec } from '$lib/course-spec/types';
import type { CourseRole, Perspective } from '$lib/roles';
import type { CourseStatus, Database } from '../db/types';
import { changeCourseDoc } from '../course-docs';
import { addOrUpgradeMember, createCourse } from '../courses';
import { createMailer, type MailContext } from '../notifications';
import { approveSubmission, requestChanges, submitForReview } from '../review';
import { publishCourse, retireCourse } from '../publishing';
import { updateProviderProfile } from '../settings';
import { userRowToUser, type User } from '../users';
import { accountTable, createDemoAccounts, DEMO_PEOPLE, type DemoAccount, type DemoRole } from './accounts';
import { buildSpec, richText, type DemoCourse } from './build-spec';
import * as catalogue from './catalogue';
import { runPilot, triage } from './pilot';
import { withoutLive, type LiveContext } from '../live-context';

// `npm run seed:demo`: a new instance with people, courses in every state of their life, and a pilot
// whose feedback shows on a published version. Everything is written through the verbs the app's
// pages use (create, edit the live document, submit, review, publish, retire, run a round, triage),
// so the demo is what the app itself would have made, checks included.

export class DemoRefused extends Error {}

export interface SeededCourse {
	id: string;
	title: string;
	/** What the demo made of it, e.g. "published v2, updated after pilot feedback". */
	story: string;
	status: CourseStatus;
}

export interface DemoResult {
	accounts: DemoAccount[];
	courses: SeededCourse[];
}

export interface SeedOptions {
	/** Add the demo to a database that already has accounts (nothing there is changed or removed). */
	force?: boolean;
	/** The app's address, for the links in notifications; e.g. http://localhost:3000. */
	origin: string;
}

/** The seed runs as a script, beside no realtime server: its document changes go straight to storage (live: null). */
interface Context extends LiveContext {
	people: Record<Exclude<DemoRole, 'admin'>, User>;
	mail: MailContext;
	origin: string;
	courses: SeededCourse[];
}

type Team = [DemoRole & ('lecturer' | 'partner' | 'student'), CourseRole][];

const PERSPECTIVE: Record<'lecturer' | 'partner' | 'student', Perspective> = { lecturer: 'lecturer', partner: 'company_partner', student: 'student' };

export async function seedDemo(db: Kysely<Database>, options: SeedOptions): Promise<DemoResult> {
	const existing = await db.selectFrom('users').select(['id', 'name', 'email', 'role', 'created_at']).orderBy('created_at').execute();
	if (existing.length > 0 && !options.force) {
		throw new DemoRefused(
			`This database already has ${existing.length} account${existing.length === 1 ? '' : 's'}: the demo fills only an empty instance. ` +
				'Run `npm run seed:demo -- --force` to add the demo next to what is there (nothing is changed or removed), ' +
				'or point DATABASE_URL / DATA_DIR at an empty database.'
		);
	}
	const taken = await db.selectFrom('users').select('email').where('email', 'in', Object.values(DEMO_PEOPLE).map((p) => p.email)).executeTakeFirst();
	if (taken) throw new DemoRefused(`The demo is here already (${taken.email} exists). Use an empty database for a fresh demo.`);
	const existingAdmin = existing.find((u) => u.role === 'admin');
	if (existing.length > 0 && !existingAdmin) throw new DemoRefused('This database has accounts but no admin, so no one can make the demo coordinator.');

	const { accounts, admin } = await createDemoAccounts(db, existingAdmin ? userRowToUser(existingAdmin) : null);
	// A fresh instance gets a provider profile, so courses created in it start from Kaari UAS.
	if (!existingAdmin) {
		await updateProviderProfile(db, admin, {
			organisationName: catalogue.KAARI.name.en,
			country: 'FI',
			website: catalogue.KAARI.website,
			qaStatement: catalogue.KAARI.qaStatement.en,
			hoursPerEcts: 27
		});
	}
	const user = (role: DemoRole) => accounts.find((a) => a.role === role)!.user;
	const ctx: Context = {
		...withoutLive(db),
		people: { coordinator: user('coordinator'), lecturer: user('lecturer'), partner: user('partner'), student: user('student') },
		// Notifications are stored for the bells; their emails would only fill the terminal.
		mail: { mailer: createMailer({ log: () => {} }), origin: options.origin },
		origin: options.origin,
		courses: []
	};

	await platformEconomy(ctx);
	await digitalMarketing(ctx);
	await published(ctx, catalogue.SUSTAINABLE_SME, [['lecturer', 'owner'], ['partner', 'commenter']]);
	await published(ctx, catalogue.CYBERSECURITY, [['lecturer', 'owner']]);
	await dataLiteracy(ctx);
	await socialMediaService(ctx);
	await exportReadiness(ctx);
	await serviceDesign(ctx);
	await circularEconomy(ctx);
	await wellbeingLeadership(ctx);
	await draft(ctx, catalogue.PRICING_SERVICES, [['partner', 'owner'], ['lecturer', 'editor']], 'draft, complete, not yet submitted; the entrepreneur owns it');
	await draft(ctx, catalogue.RESPONSIBLE_AI, [['lecturer', 'owner'], ['student', 'editor']], 'draft, assessment still missing');
	return { accounts, courses: ctx.courses };
}

export { accountTable };

// ── Steps ──────────────────────────────────────────────────────────────────────────────────────

const titleOf = (spec: CourseSpec) => spec.title[primaryLanguage(spec)] ?? Object.values(spec.title)[0];

/** Creates the course as its first team member, adds the others and writes the whole spec into its live document. */
async function start(ctx: Context, course: DemoCourse, team: Team): Promise<{ id: string; spec: CourseSpec; owner: User }> {
	const spec = buildSpec(course);
	const [ownerRole] = team[0];
	const owner = ctx.people[ownerRole];
	const { id } = await createCourse(ctx.db, owner, { title: titleOf(spec), perspective: PERSPECTIVE[ownerRole] });
	for (const [role, courseRole] of team.slice(1)) await addOrUpgradeMember(ctx.db, id, ctx.people[role].id, courseRole, PERSPECTIVE[role]);
	await changeCourseDoc(ctx, id, owner.id, (doc) => applySpec(doc, spec));
	return { id, spec, owner };
}

/** A change to the live document by one person, as typing in the editor makes it: only the differences. */
async function edit(ctx: Context, courseId: string, author: User, change: (spec: CourseSpec) => void): Promise<CourseSpec> {
	let result!: CourseSpec;
	await changeCourseDoc(ctx, courseId, author.id, (doc) => {
		const spec = docToSpec(doc);
		change(spec);
		applySpec(doc, spec);
		result = spec;
	});
	return result;
}

interface Release {
	note: string;
	changeNotes?: string;
	feedbackSummary?: string;
	approval?: string;
}

/** Owner submits, the coordinator approves and publishes. */
async function release(ctx: Context, courseId: string, owner: User, release: Release) {
	const { mail } = ctx;
	const coordinator = ctx.people.coordinator;
	await submitForReview(ctx, owner, courseId, { note: release.note, changeNotes: release.changeNotes ?? '', feedbackSummary: release.feedbackSummary ?? '' }, mail);
	await approveSubmission(ctx, coordinator, courseId, { note: release.approval ?? '' }, mail);
	return publishCourse(ctx, coordinator, courseId, { changeNotes: release.changeNotes ?? 'First publication.' }, mail);
}

function record(ctx: Context, id: string, spec: CourseSpec, status: CourseStatus, story: string) {
	ctx.courses.push({ id, title: titleOf(spec), status, story });
}

async function published(ctx: Context, course: DemoCourse, team: Team) {
	const { id, spec, owner } = await start(ctx, course, team);
	await release(ctx, id, owner, { note: 'Ready for the catalogue: outcomes and workload checked with the partner companies.' });
	record(ctx, id, spec, 'published', 'published v1');
}

async function draft(ctx: Context, course: DemoCourse, team: Team, story: string) {
	const { id, spec } = await start(ctx, course, team);
	record(ctx, id, spec, 'draft', story);
}

/** Published v1, piloted with entrepreneurs and students, improved from what they said, published v2. */
async function platformEconomy(ctx: Context) {
	const { lecturer, partner, student } = ctx.people;
	const { id, spec } = await start(ctx, catalogue.PLATFORM_ECONOMY, [['lecturer', 'owner'], ['partner', 'editor'], ['student', 'editor']]);
	await edit(ctx, id, partner, (s) => {
		s.furtherInformation.en += ' Entrepreneurs of the Lahti region business association take part as case companies.';
	});
	await release(ctx, id, lecturer, { note: 'First version, co-written with Jari (entrepreneur) and Emma (student).', approval: 'Clear outcomes, workload matches the credits.' });

	const [howTheyWork, onAPlatform] = spec.modules.map((m) => m.id);
	const good: [number, number][] = [[4, 5], [5, 4], [4, 4]];
	const roundId = await runPilot(
		ctx.db,
		lecturer,
		id,
		spec,
		{
			versionName: 'Pilot version, spring',
			title: 'Spring pilot with local entrepreneurs',
			intro: 'You took part in the pilot of Platform Economy Basics. Tell us what worked and what to change: every answer is read by the course team.',
			close: true,
			answers: [
				{ perspective: 'company_partner', outcomes: good, hours: [25, 38, 24], moduleChanges: { 1: 'The case videos were far too long, I skipped half of them. More time for the canvas exercise instead.' }, recommend: 9, mostUseful: 'Hearing how other entrepreneurs chose their platforms.' },
				{ perspective: 'company_partner', outcomes: [[5, 4], [5, 5], [4, 2]], hours: [27, 35, 22], outcomeComments: { 2: 'I did not know what the strategy should look like in the end.' }, recommend: 8 },
				{ perspective: 'company_partner', outcomes: good, hours: [30, 36, 25], recommend: 10, comment: 'Would love a session on pricing on marketplaces.' },
				{ perspective: 'student', outcomes: [[4, 4], [4, 4], [3, 2]], hours: [26, 33, 20], moduleChanges: { 1: 'Videos too long; a guided workshop for the canvas would help.' }, recommend: 7 },
				{ perspective: 'student', outcomes: good, hours: [22, 31, 26], leastUseful: 'The quiz in module 1 was too easy.', recommend: 8 },
				{ perspective: 'student', outcomes: [[5, 5], [4, 4], [4, 3]], hours: [28, 34, 24], recommend: 9, mostUseful: 'Getting feedback from a real entrepreneur.' }
			]
		},
		ctx.origin
	);
	await triage(ctx.db, lecturer, id, roundId, [
		{
			excerpt: 'The case videos were far too long, I skipped half of them. More time for the canvas exercise instead.',
			status: 'done',
			said: 'The case videos of module 2 were too long, and the business model canvas needed more time and guidance.',
			note: 'Module 2 now has case videos of at most ten minutes and a guided canvas workshop; it takes 27 hours instead of 30.'
		},
		{ excerpt: 'Videos too long; a guided workshop for the canvas would help.', status: 'done', note: 'Same change as above.' },
		{
			excerpt: 'Clarity: 2 of 5',
			status: 'done',
			said: 'It was not clear what the platform strategy should look like at the end.',
			note: 'Outcome 3 now names the deliverable, and module 3 gives a strategy template.'
		},
		{ excerpt: 'The quiz in module 1 was too easy.', status: 'declined', note: 'The quiz checks the basics on purpose; the strategy is the demanding part.' },
		{ excerpt: 'Would love a session on pricing on marketplaces.', status: 'accepted', note: 'Planned as a guest session in the autumn run.' }
	]);
	await edit(ctx, id, lecturer, (s) => {
		const [, second, third] = s.modules;
		second.hours = 27;
		second.description.en = richText('Case videos of at most ten minutes from local entrepreneurs, platform terms and the risks of dependence, and a guided business model canvas workshop.');
		third.hours = 27;
		s.learningOutcomes[2].text.en = 'Draft a justified platform strategy for a small company as a written plan of 4–6 pages.';
		s.learningOutcomes[2].text.fi = 'Osaa laatia pienyritykselle perustellun alustastrategian 4–6-sivuisena kirjallisena suunnitelmana.';
	});
	await release(ctx, id, lecturer, {
		note: 'v2 after the spring pilot: shorter videos, a canvas workshop and a clearer outcome 3.',
		changeNotes: 'Module 2: case videos of at most ten minutes and a guided business model canvas workshop (27 hours instead of 30). Module 3: 27 hours instead of 24, with a strategy template. Outcome 3 now names the deliverable, a written plan of 4–6 pages.',
		feedbackSummary: 'Six participants of the spring pilot (three entrepreneurs, three students) answered. We acted on the two themes that came up most: module 2 was too heavy, and the final strategy was not clearly defined.',
		approval: 'Good use of the pilot feedback.'
	});
	record(ctx, id, spec, 'published', 'published v2, updated after pilot feedback (6 answers, 3 items done)');
}

/** Published twice, with change notes, without a pilot. */
async function digitalMarketing(ctx: Context) {
	const { lecturer, partner } = ctx.people;
	const { id, spec } = await start(ctx, catalogue.DIGITAL_MARKETING, [['lecturer', 'owner'], ['partner', 'editor']]);
	await release(ctx, id, lecturer, { note: 'Ready: Jari checked the assignments against what micro-companies actually do.' });
	await edit(ctx, id, partner, (s) => {
		s.modules[1].description.en = richText('Keyword research, on-page optimisation, AI-generated search answers and a content calendar.');
		s.topics.push('email marketing');
	});
	await release(ctx, id, lecturer, {
		note: 'Small update for the autumn run.',
		changeNotes: 'Module 2 now covers how AI-generated answers in search engines change search engine optimisation. Email marketing added as a topic.'
	});
	record(ctx, id, spec, 'published', 'published v2, with change notes');
}

/** Published v1, then edited in the live document: the edits are not public until the next version. */
async function dataLiteracy(ctx: Context) {
	const { lecturer } = ctx.people;
	const { id, spec } = await start(ctx, catalogue.DATA_LITERACY, [['lecturer', 'owner'], ['student', 'commenter']]);
	await release(ctx, id, lecturer, { note: 'Ready for the catalogue.' });
	await edit(ctx, id, lecturer, (s) => {
		s.learningOutcomes.push({ id: 'demodatavisu', text: { en: 'Visualise survey results for a customer newsletter.', fi: 'Visualisoida kyselyn tulokset asiakastiedotteeseen.' } });
		s.assessments[0].outcomeIds.push('demodatavisu');
	});
	record(ctx, id, spec, 'published', 'published v1, with edits for v2 not yet submitted');
}

async function socialMediaService(ctx: Context) {
	const { lecturer, coordinator } = ctx.people;
	const { id, spec } = await start(ctx, catalogue.SOCIAL_MEDIA_SERVICE, [['lecturer', 'owner']]);
	await release(ctx, id, lecturer, { note: 'Ready.' });
	await retireCourse(ctx, coordinator, id, { note: 'Replaced by the Service Design Sprint and the customer experience minor.' }, ctx.mail);
	record(ctx, id, spec, 'published', 'retired (stays in the catalogue, marked retired)');
}

async function exportReadiness(ctx: Context) {
	const { lecturer, coordinator } = ctx.people;
	const { id, spec } = await start(ctx, catalogue.EXPORT_READINESS, [['lecturer', 'owner'], ['partner', 'editor']]);
	await submitForReview(ctx, lecturer, id, { note: 'Written with two export advisers; please check the grading scale.' }, ctx.mail);
	await approveSubmission(ctx, coordinator, id, { note: 'Approved; I will publish it with the autumn batch.' }, ctx.mail);
	record(ctx, id, spec, 'approved', 'approved, waiting to be published');
}

async function serviceDesign(ctx: Context) {
	const { lecturer, student } = ctx.people;
	const { id, spec } = await start(ctx, catalogue.SERVICE_DESIGN, [['lecturer', 'owner'], ['student', 'editor'], ['partner', 'editor']]);
	await edit(ctx, id, student, (s) => {
		s.modules[0].description.en = richText('Research plan, customer interviews (at least five per team) and an insight workshop with the partner company.');
	});
	await submitForReview(ctx, lecturer, id, { note: 'Co-designed with students from last year’s sprint. Please look at the workload of the Deliver module.' }, ctx.mail);
	record(ctx, id, spec, 'in_review', 'in review, in the coordinator’s queue');
}

async function circularEconomy(ctx: Context) {
	const { lecturer, coordinator } = ctx.people;
	const { id, spec } = await start(ctx, catalogue.CIRCULAR_ECONOMY, [['lecturer', 'owner'], ['partner', 'editor']]);
	await submitForReview(ctx, lecturer, id, { note: 'First version for the cluster’s spring programme.' }, ctx.mail);
	await requestChanges(
		ctx,
		coordinator,
		id,
		{ comment: 'Outcome 1 (“Ymmärtää…”) cannot be observed: say what the learner does, e.g. “Osaa selittää”. Outcome 1 is also not assessed yet.' },
		ctx.mail
	);
	record(ctx, id, spec, 'changes_requested', 'changes requested, with the coordinator’s comment');
}

/** A complete draft in an open pilot round (on a saved draft version), answers coming in. */
async function wellbeingLeadership(ctx: Context) {
	const { lecturer } = ctx.people;
	const { id, spec } = await start(ctx, catalogue.WELLBEING_LEADERSHIP, [['lecturer', 'owner'], ['partner', 'editor'], ['student', 'viewer']]);
	await runPilot(
		ctx.db,
		lecturer,
		id,
		spec,
		{
			versionName: 'Draft for the pilot',
			title: 'Pilot with the entrepreneurs’ association',
			intro: 'Thank you for trying the draft course. Your answers help us decide what goes into the first version.',
			close: false,
			answers: [
				{ perspective: 'company_partner', outcomes: [[5, 4], [5, 5], [4, 4]], hours: [16, 18, 20], recommend: 9, mostUseful: 'The discussion model.' },
				{ perspective: 'company_partner', outcomes: [[4, 3], [5, 4], [3, 3]], hours: [20, 18, 24], moduleChanges: { 2: 'Trying a practice took longer than planned.' }, recommend: 8 },
				{ perspective: 'other', outcomes: [[4, 4], [4, 4], [4, 4]], hours: [18, 17, 18], recommend: 7 }
			]
		},
		ctx.origin
	);
	record(ctx, id, spec, 'draft', 'draft in an open pilot round (3 answers so far)');
}
