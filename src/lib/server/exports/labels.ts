import {
	ASSESSMENT_TYPES,
	LEARNING_ACTIVITY_TYPES,
	LEARNING_SETTINGS,
	PARTICIPATION_FORMS,
	QUALITY_ASSURANCE_TYPES,
	TARGET_GROUPS,
	findConcept,
	type Vocabulary
} from '$lib/course-spec';

// English labels of the spec's controlled values, for texts written into exports.
const label = (vocabulary: Vocabulary) => (uri: string | null) => findConcept(vocabulary, uri)?.label.en;

export const assessmentTypeLabel = label(ASSESSMENT_TYPES);
export const activityTypeLabel = label(LEARNING_ACTIVITY_TYPES);
export const participationLabel = label(PARTICIPATION_FORMS);
export const learningSettingLabel = label(LEARNING_SETTINGS);
export const qualityAssuranceLabel = label(QUALITY_ASSURANCE_TYPES);
export const targetGroupLabel = label(TARGET_GROUPS);
