/**
 * Pilot feedback rounds: a round freezes a saved version, asks generated and custom questions through
 * anonymous and personal links, shows live results, and turns answers into items the team triages
 * into the next version. Verbs for the team take the database and the actor first and check the policy
 * themselves; participant verbs take a link token and go through the participant actor.
 */
export { createRound, deleteRound, getRound, listRounds, setRoundOpen, updateRound, type RoundSummary } from './rounds';
export { addCustomQuestion, deleteQuestion, listQuestions, moveQuestion, questionEditor, updateQuestion, QUESTIONS_LOCKED } from './questions';
export {
	addPersonalLinks,
	createAnonymousLink,
	issuedLinkRows,
	listLinks,
	remindNonRespondents,
	revokeLink,
	type AnonymousLink,
	type IssuedLink,
	type PersonalLink,
	type RoundLinks
} from './links';
export { participantLocale, participantView, submitResponse, thanksView, type FormView, type ParticipantView, type SubmitResult } from './participant';
export { previewView } from './preview';
export { roundResults, responsesCsv, questionsCsv, type RoundResults } from './results-view';
export {
	attachDoneItemsToPublication,
	listItems,
	pendingPublicationFeedback,
	publicationFeedback,
	subjectChoicesOf,
	updateItem,
	type FeedbackItem,
	type PilotFeedbackNote,
	type TriageList,
	type YouSaidWeChanged
} from './items';
export { subjectChoices } from './subjects';
export { feedbackPermissions, type FeedbackPermissions } from './access';
export { submissionThrottle, SUBMISSION_LIMITS } from './throttle';
export { feedbackMailer, type Mailer } from './mailer';
