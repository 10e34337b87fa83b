import { newItemId } from '$lib/course-spec/ids';
import type { CourseSpec, EqfLevel, LangString, RichText, RichTextDoc, StackabilityMode, SupervisionCode } from '$lib/course-spec/types';

// The demo courses are written in a compact form (below) that reads like a course description; this
// turns one into a full CourseSpec with every EU element. Controlled values are named here once and
// mapped to the EU vocabulary URIs the editor offers (course-spec/vocabularies.ts).

const SNB = 'http://data.europa.eu/snb';

export const PARTICIPATION = {
	online: `${SNB}/learning-assessment/920fbb3cbe`,
	blended: `${SNB}/learning-assessment/e92d221e4d`,
	presential: `${SNB}/learning-assessment/9191af2ed9`,
	workbased: `${SNB}/learning-assessment/729f3bed4b`,
	project: `${SNB}/learning-assessment/7813801c77`
} as const;

const SETTING = { formal: `${SNB}/learning-setting/6fd4685715`, nonFormal: `${SNB}/learning-setting/e207a81fc7` } as const;

const ACTIVITY = {
	classroom: `${SNB}/learning-activity/ff436ea7c9`,
	elearning: `${SNB}/learning-activity/bf2e3a7bae`,
	practice: `${SNB}/learning-activity/3c8bd58d62`,
	workshop: `${SNB}/learning-activity/efff75e10a`,
	selfStudy: `${SNB}/learning-activity/b660f5dcea`,
	work: `${SNB}/learning-activity/4357e0e681`
} as const;

const ASSESSMENT = {
	project: `${SNB}/assessment/795dac4096`,
	portfolio: `${SNB}/assessment/4f03b91c0e`,
	assignment: `${SNB}/assessment/2939dae15f`,
	quiz: `${SNB}/assessment/b1b68f6735`,
	peer: `${SNB}/assessment/19a2e5e671`,
	practical: `${SNB}/assessment/6a4db9f11d`,
	oral: `${SNB}/assessment/d30284d7df`,
	artefact: `${SNB}/assessment/de4d165a6c`
} as const;

const QA = { institutional: `${SNB}/accreditation/bb4618238e`, programme: `${SNB}/accreditation/820101cba6` } as const;

const TARGET = {
	students: `${SNB}/target-group/1599531db0`,
	early: `${SNB}/target-group/5e56931138`,
	experienced: `${SNB}/target-group/cbedf28444`,
	senior: `${SNB}/target-group/d45b47b458`,
	retraining: `${SNB}/target-group/05f11c859b`
} as const;

export interface Provider {
	name: LangString;
	website: string;
	qaStatement: LangString;
}

export interface DemoModule {
	title: LangString;
	text: LangString;
	hours: number;
	activity: keyof typeof ACTIVITY;
	/** Indexes into the course's outcomes. */
	outcomes: number[];
}

export interface DemoAssessment {
	title: LangString;
	type: keyof typeof ASSESSMENT;
	text: LangString;
	outcomes: number[];
}

/** A demo course as its authors would describe it. Texts in the course's languages, the first primary. */
export interface DemoCourse {
	title: LangString;
	code: string;
	languages: string[];
	summary: LangString;
	targetGroup: LangString;
	targets: (keyof typeof TARGET)[];
	prerequisites: LangString;
	eqf: EqfLevel;
	ects: number;
	participation: keyof typeof PARTICIPATION;
	setting: keyof typeof SETTING;
	topics: string[];
	/** ISCED-F code, e.g. "0413". */
	field: string;
	provider: Provider;
	qa: keyof typeof QA;
	supervision: SupervisionCode;
	grading: LangString;
	stack: { mode: StackabilityMode; partOf?: LangString; url?: string };
	furtherInformation: LangString;
	outcomes: LangString[];
	modules: DemoModule[];
	assessments: DemoAssessment[];
}

/** One language's rich text from plain paragraphs (blank lines separate them). */
export function richText(text: string): RichTextDoc {
	return { type: 'doc', content: text.split(/\n\s*\n/).map((p) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: p.trim() }] })) };
}

const paragraphs = (text: LangString): RichText => Object.fromEntries(Object.entries(text).map(([lang, value]) => [lang, richText(value)]));

export function buildSpec(course: DemoCourse): CourseSpec {
	const outcomeIds = course.outcomes.map(() => newItemId());
	const linked = (indexes: number[]) => indexes.map((i) => outcomeIds[i]);
	const workload = course.modules.reduce((sum, m) => sum + m.hours, 0);
	return {
		schemaVersion: 1,
		title: course.title,
		code: course.code,
		summary: paragraphs(course.summary),
		targetGroup: { text: course.targetGroup, categories: course.targets.map((t) => TARGET[t]) },
		prerequisites: course.prerequisites,
		languages: course.languages,
		eqfLevel: course.eqf,
		nqfLevel: `FiNQF ${course.eqf}`,
		ectsCredits: course.ects,
		workloadHours: workload,
		participationForm: PARTICIPATION[course.participation],
		learningSetting: SETTING[course.setting],
		topics: course.topics,
		fieldOfStudy: `${SNB}/isced-f/${course.field}`,
		awardingBody: { name: course.provider.name, country: 'FI', website: course.provider.website },
		qualityAssurance: { type: QA[course.qa], statement: course.provider.qaStatement },
		supervision: course.supervision,
		gradingScheme: course.grading,
		stackability: { mode: course.stack.mode, partOf: course.stack.partOf ?? {}, partOfUrl: course.stack.url ?? null },
		furtherInformation: course.furtherInformation,
		learningOutcomes: course.outcomes.map((text, i) => ({ id: outcomeIds[i], text })),
		modules: course.modules.map((m) => ({
			id: newItemId(),
			title: m.title,
			description: paragraphs(m.text),
			hours: m.hours,
			activityType: ACTIVITY[m.activity],
			outcomeIds: linked(m.outcomes)
		})),
		assessments: course.assessments.map((a) => ({
			id: newItemId(),
			title: a.title,
			type: ASSESSMENT[a.type],
			description: paragraphs(a.text),
			outcomeIds: linked(a.outcomes)
		}))
	};
}
