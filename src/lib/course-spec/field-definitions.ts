import type { FieldDefinition, FieldKey } from './fields';
import { LIMITS } from './limits';

// Labels, help texts and EU elements of the spec's fields (English). `required: true` marks an EU
// mandatory element; fields sharing one element are alternatives (M7: ECTS credits or hours).

/** Every field, in form order within each section. */
export const FIELD_DEFINITIONS: Record<FieldKey, FieldDefinition> = {
	title: {
		section: 'overview', kind: 'text', label: 'Title', euElement: 'M2', required: true,
		maxLength: LIMITS.titleLength,
		help: 'The name learners and employers will see on the credential.'
	},
	code: {
		section: 'overview', kind: 'text', label: 'Course code', maxLength: LIMITS.codeLength,
		help: "Your institution's code for the course, if it has one."
	},
	summary: {
		section: 'overview', kind: 'richtext', label: 'Summary', euElement: 'O5', maxLength: LIMITS.richTextLength,
		help: 'What the course is about and why it is worth taking, in a few sentences.'
	},
	languages: {
		section: 'overview', kind: 'multiselect', label: 'Languages of instruction', vocabulary: 'language',
		help: 'The first language is the main one: the completeness check reads texts in it.'
	},
	targetGroup: {
		section: 'overview', kind: 'multiline', label: 'Target group', maxLength: LIMITS.textLength,
		path: 'targetGroup.text',
		help: 'Who the course is for: their background, work and needs.'
	},
	targetGroupCategories: {
		section: 'overview', kind: 'multiselect', label: 'Target group categories', vocabulary: 'targetGroup',
		path: 'targetGroup.categories',
		help: 'Optional categories from the EU list, used by catalogues for filtering.'
	},
	prerequisites: {
		section: 'overview', kind: 'multiline', label: 'Prerequisites', euElement: 'O1', maxLength: LIMITS.textLength,
		help: 'What learners need to know or have done before enrolling; leave empty if nothing.'
	},
	topics: {
		section: 'overview', kind: 'tags', label: 'Topics', maxLength: LIMITS.topicLength,
		help: 'Keywords that help people find the course.'
	},
	fieldOfStudy: {
		section: 'overview', kind: 'select', label: 'Field of study', vocabulary: 'fieldOfStudy',
		help: 'The ISCED-F field of education the course belongs to.'
	},
	eqfLevel: {
		section: 'overview', kind: 'select', label: 'EQF level', vocabulary: 'eqfLevel', euElement: 'M8',
		required: true,
		help: 'The level of the learning on the European Qualifications Framework; choose "not applicable" if none applies.'
	},
	nqfLevel: {
		section: 'overview', kind: 'text', label: 'National level (NQF)', maxLength: LIMITS.shortTextLength,
		help: 'The level in your national framework, e.g. "FiNQF 6".'
	},
	ectsCredits: {
		section: 'overview', kind: 'number', label: 'ECTS credits', euElement: 'M7', required: true, min: 0,
		max: LIMITS.ectsMax, unit: 'ECTS',
		help: 'The credits the course is worth (micro-credentials are usually 1–59 ECTS).'
	},
	workloadHours: {
		section: 'overview', kind: 'number', label: 'Workload', euElement: 'M7', required: true, min: 0,
		max: LIMITS.hoursMax, unit: 'h',
		help: 'The notional hours a typical learner needs to achieve the outcomes, all work included.'
	},
	participationForm: {
		section: 'overview', kind: 'select', label: 'Form of participation', vocabulary: 'participationForm',
		euElement: 'M10', required: true,
		help: 'How learners take part: online, on site, blended, at work…'
	},
	learningSetting: {
		section: 'overview', kind: 'select', label: 'Learning setting', vocabulary: 'learningSetting',
		help: 'Formal learning leads to a recognised qualification or credit; non-formal does not.'
	},
	learningOutcomes: {
		section: 'outcomes', kind: 'list', label: 'Learning outcomes', euElement: 'M6',
		help: 'What a learner can do after the course, one outcome per item.'
	},
	outcomeText: {
		section: 'outcomes', kind: 'multiline', label: 'Learning outcome', euElement: 'M6', required: true,
		maxLength: LIMITS.outcomeLength,
		help: 'Start with an observable verb: "Compare materials by their life-cycle impact."'
	},
	modules: {
		section: 'modules', kind: 'list', label: 'Modules',
		help: 'The parts of the course and the work they involve.'
	},
	moduleTitle: {
		section: 'modules', kind: 'text', label: 'Module title', maxLength: LIMITS.shortTextLength,
		help: 'A short name for the module.'
	},
	moduleDescription: {
		section: 'modules', kind: 'richtext', label: 'Description', maxLength: LIMITS.richTextLength,
		help: 'Content, activities and materials.'
	},
	moduleHours: {
		section: 'modules', kind: 'number', label: 'Hours', min: 0, max: LIMITS.hoursMax, unit: 'h',
		help: 'Notional hours of learner work in this module.'
	},
	moduleActivityType: {
		section: 'modules', kind: 'select', label: 'Activity type', vocabulary: 'learningActivityType',
		help: 'The main kind of learning activity.'
	},
	moduleOutcomes: {
		section: 'modules', kind: 'outcomeLinks', label: 'Outcomes addressed',
		help: 'The learning outcomes this module works towards.'
	},
	assessments: {
		section: 'assessment', kind: 'list', label: 'Assessments', euElement: 'M9',
		help: 'How learners show they have achieved the outcomes.'
	},
	assessmentTitle: {
		section: 'assessment', kind: 'text', label: 'Assessment title', maxLength: LIMITS.shortTextLength,
		help: 'A short name, e.g. "Final project".'
	},
	assessmentType: {
		section: 'assessment', kind: 'select', label: 'Type of assessment', vocabulary: 'assessmentType',
		euElement: 'M9', required: true,
		help: 'The kind of assessment, from the EU list.'
	},
	assessmentDescription: {
		section: 'assessment', kind: 'richtext', label: 'Description', maxLength: LIMITS.richTextLength,
		help: 'What learners do and how it is judged.'
	},
	assessmentOutcomes: {
		section: 'assessment', kind: 'outcomeLinks', label: 'Outcomes assessed',
		help: 'The learning outcomes this assessment shows.'
	},
	supervision: {
		section: 'assessment', kind: 'select', label: 'Supervision and ID verification', vocabulary: 'supervision',
		euElement: 'O2',
		help: 'Whether assessment is supervised and the learner’s identity checked.'
	},
	gradingScheme: {
		section: 'assessment', kind: 'multiline', label: 'Grading scheme', maxLength: LIMITS.textLength,
		help: 'E.g. "Pass/fail" or "0–5, where 1 is a pass".'
	},
	awardingBodyName: {
		section: 'credential', kind: 'text', label: 'Awarding body', euElement: 'M4', required: true,
		path: 'awardingBody.name', maxLength: LIMITS.shortTextLength,
		help: 'The organisation that awards the credential.'
	},
	awardingBodyCountry: {
		section: 'credential', kind: 'select', label: 'Country', vocabulary: 'country', euElement: 'M3',
		required: true, path: 'awardingBody.country',
		help: "The awarding body's country."
	},
	awardingBodyWebsite: {
		section: 'credential', kind: 'url', label: 'Website', path: 'awardingBody.website',
		maxLength: LIMITS.urlLength,
		help: "The awarding body's web address."
	},
	qualityAssuranceType: {
		section: 'credential', kind: 'select', label: 'Type of quality assurance',
		vocabulary: 'qualityAssuranceType', euElement: 'M11', required: true, path: 'qualityAssurance.type',
		help: 'The quality assurance or accreditation behind the credential.'
	},
	qualityAssuranceStatement: {
		section: 'credential', kind: 'multiline', label: 'Quality assurance statement',
		path: 'qualityAssurance.statement', maxLength: LIMITS.textLength,
		help: 'How quality is assured, with a link to the published procedure if there is one.'
	},
	stackabilityMode: {
		section: 'credential', kind: 'select', label: 'Stackability', euElement: 'O4', path: 'stackability.mode',
		help: 'Whether the credential stands alone or counts towards a larger one.'
	},
	stackabilityPartOf: {
		section: 'credential', kind: 'text', label: 'Part of', euElement: 'O4', path: 'stackability.partOf',
		maxLength: LIMITS.shortTextLength,
		help: 'The larger credential or programme it stacks towards.'
	},
	stackabilityPartOfUrl: {
		section: 'credential', kind: 'url', label: 'Link to the larger credential', path: 'stackability.partOfUrl',
		maxLength: LIMITS.urlLength,
		help: 'A web page describing it.'
	},
	furtherInformation: {
		section: 'credential', kind: 'multiline', label: 'Further information', euElement: 'O5', maxLength: LIMITS.textLength,
		help: 'Anything else learners or issuers should know.'
	}
};

