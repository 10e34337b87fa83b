import type { FieldDefinition, FieldKey } from './fields';
import { m } from '$lib/paraglide/messages';
import { LIMITS } from './limits';

// Labels, help texts (messages, so in the reader's language) and EU elements of the spec's fields. `required: true` marks an EU
// mandatory element; fields sharing one element are alternatives (M7: ECTS credits or hours).

/** Every field, in form order within each section. */
export const FIELD_DEFINITIONS: Record<FieldKey, FieldDefinition> = {
	title: {
		section: 'overview', kind: 'text', label: m.field_title, euElement: 'M2', required: true,
		maxLength: LIMITS.titleLength,
		help: m.field_title_help
	},
	code: {
		section: 'overview', kind: 'text', label: m.field_code, maxLength: LIMITS.codeLength,
		help: m.field_code_help
	},
	summary: {
		section: 'overview', kind: 'richtext', label: m.field_summary, euElement: 'O5', maxLength: LIMITS.richTextLength,
		help: m.field_summary_help
	},
	languages: {
		section: 'overview', kind: 'multiselect', label: m.field_languages, vocabulary: 'language',
		help: m.field_languages_help
	},
	targetGroup: {
		section: 'overview', kind: 'multiline', label: m.field_target_group, maxLength: LIMITS.textLength,
		path: 'targetGroup.text',
		help: m.field_target_group_help
	},
	targetGroupCategories: {
		section: 'overview', kind: 'multiselect', label: m.field_target_group_categories, vocabulary: 'targetGroup',
		path: 'targetGroup.categories',
		help: m.field_target_group_categories_help
	},
	prerequisites: {
		section: 'overview', kind: 'multiline', label: m.field_prerequisites, euElement: 'O1', maxLength: LIMITS.textLength,
		help: m.field_prerequisites_help
	},
	topics: {
		section: 'overview', kind: 'tags', label: m.field_topics, maxLength: LIMITS.topicLength,
		help: m.field_topics_help
	},
	fieldOfStudy: {
		section: 'overview', kind: 'select', label: m.field_field_of_study, vocabulary: 'fieldOfStudy',
		help: m.field_field_of_study_help
	},
	eqfLevel: {
		section: 'overview', kind: 'select', label: m.field_eqf_level, vocabulary: 'eqfLevel', euElement: 'M8',
		required: true,
		help: m.field_eqf_level_help
	},
	nqfLevel: {
		section: 'overview', kind: 'text', label: m.field_nqf_level, maxLength: LIMITS.shortTextLength,
		help: m.field_nqf_level_help
	},
	ectsCredits: {
		section: 'overview', kind: 'number', label: m.field_ects_credits, euElement: 'M7', required: true, min: 0,
		max: LIMITS.ectsMax, unit: 'ECTS',
		help: m.field_ects_credits_help
	},
	workloadHours: {
		section: 'overview', kind: 'number', label: m.field_workload_hours, euElement: 'M7', required: true, min: 0,
		max: LIMITS.hoursMax, unit: 'h',
		help: m.field_workload_hours_help
	},
	participationForm: {
		section: 'overview', kind: 'select', label: m.field_participation_form, vocabulary: 'participationForm',
		euElement: 'M10', required: true,
		help: m.field_participation_form_help
	},
	learningSetting: {
		section: 'overview', kind: 'select', label: m.field_learning_setting, vocabulary: 'learningSetting',
		help: m.field_learning_setting_help
	},
	learningOutcomes: {
		section: 'outcomes', kind: 'list', label: m.field_learning_outcomes, euElement: 'M6',
		help: m.field_learning_outcomes_help
	},
	outcomeText: {
		section: 'outcomes', kind: 'multiline', label: m.field_outcome_text, euElement: 'M6', required: true,
		maxLength: LIMITS.outcomeLength,
		help: m.field_outcome_text_help
	},
	modules: {
		section: 'modules', kind: 'list', label: m.field_modules,
		help: m.field_modules_help
	},
	moduleTitle: {
		section: 'modules', kind: 'text', label: m.field_module_title, maxLength: LIMITS.shortTextLength,
		help: m.field_module_title_help
	},
	moduleDescription: {
		section: 'modules', kind: 'richtext', label: m.field_module_description, maxLength: LIMITS.richTextLength,
		help: m.field_module_description_help
	},
	moduleHours: {
		section: 'modules', kind: 'number', label: m.field_module_hours, min: 0, max: LIMITS.hoursMax, unit: 'h',
		help: m.field_module_hours_help
	},
	moduleActivityType: {
		section: 'modules', kind: 'select', label: m.field_module_activity_type, vocabulary: 'learningActivityType',
		help: m.field_module_activity_type_help
	},
	moduleOutcomes: {
		section: 'modules', kind: 'outcomeLinks', label: m.field_module_outcomes,
		help: m.field_module_outcomes_help
	},
	assessments: {
		section: 'assessment', kind: 'list', label: m.field_assessments, euElement: 'M9',
		help: m.field_assessments_help
	},
	assessmentTitle: {
		section: 'assessment', kind: 'text', label: m.field_assessment_title, maxLength: LIMITS.shortTextLength,
		help: m.field_assessment_title_help
	},
	assessmentType: {
		section: 'assessment', kind: 'select', label: m.field_assessment_type, vocabulary: 'assessmentType',
		euElement: 'M9', required: true,
		help: m.field_assessment_type_help
	},
	assessmentDescription: {
		section: 'assessment', kind: 'richtext', label: m.field_assessment_description, maxLength: LIMITS.richTextLength,
		help: m.field_assessment_description_help
	},
	assessmentOutcomes: {
		section: 'assessment', kind: 'outcomeLinks', label: m.field_assessment_outcomes,
		help: m.field_assessment_outcomes_help
	},
	supervision: {
		section: 'assessment', kind: 'select', label: m.field_supervision, vocabulary: 'supervision',
		euElement: 'O2',
		help: m.field_supervision_help
	},
	gradingScheme: {
		section: 'assessment', kind: 'multiline', label: m.field_grading_scheme, maxLength: LIMITS.textLength,
		help: m.field_grading_scheme_help
	},
	awardingBodyName: {
		section: 'credential', kind: 'text', label: m.field_awarding_body_name, euElement: 'M4', required: true,
		path: 'awardingBody.name', maxLength: LIMITS.shortTextLength,
		help: m.field_awarding_body_name_help
	},
	awardingBodyCountry: {
		section: 'credential', kind: 'select', label: m.field_awarding_body_country, vocabulary: 'country', euElement: 'M3',
		required: true, path: 'awardingBody.country',
		help: m.field_awarding_body_country_help
	},
	awardingBodyWebsite: {
		section: 'credential', kind: 'url', label: m.field_awarding_body_website, path: 'awardingBody.website',
		maxLength: LIMITS.urlLength,
		help: m.field_awarding_body_website_help
	},
	qualityAssuranceType: {
		section: 'credential', kind: 'select', label: m.field_quality_assurance_type,
		vocabulary: 'qualityAssuranceType', euElement: 'M11', required: true, path: 'qualityAssurance.type',
		help: m.field_quality_assurance_type_help
	},
	qualityAssuranceStatement: {
		section: 'credential', kind: 'multiline', label: m.field_quality_assurance_statement,
		path: 'qualityAssurance.statement', maxLength: LIMITS.textLength,
		help: m.field_quality_assurance_statement_help
	},
	stackabilityMode: {
		section: 'credential', kind: 'select', label: m.field_stackability_mode, euElement: 'O4', path: 'stackability.mode',
		help: m.field_stackability_mode_help
	},
	stackabilityPartOf: {
		section: 'credential', kind: 'text', label: m.field_stackability_part_of, euElement: 'O4', path: 'stackability.partOf',
		maxLength: LIMITS.shortTextLength,
		help: m.field_stackability_part_of_help
	},
	stackabilityPartOfUrl: {
		section: 'credential', kind: 'url', label: m.field_stackability_part_of_url, path: 'stackability.partOfUrl',
		maxLength: LIMITS.urlLength,
		help: m.field_stackability_part_of_url_help
	},
	furtherInformation: {
		section: 'credential', kind: 'multiline', label: m.field_further_information, euElement: 'O5', maxLength: LIMITS.textLength,
		help: m.field_further_information_help
	}
};

