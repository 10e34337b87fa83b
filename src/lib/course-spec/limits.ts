// Size and range limits of a spec, shared by the schema (which enforces them) and the field list
// (which the form uses for maxlength/min/max). Generous for real courses, tight enough that one
// document cannot grow without bound.
export const LIMITS = {
	titleLength: 200,
	codeLength: 50,
	/** Names and labels: awarding body, module and assessment titles, NQF level, larger credential. */
	shortTextLength: 300,
	/** Plain multi-line text: target group, prerequisites, statements, grading, further information. */
	textLength: 5000,
	outcomeLength: 1000,
	/** Characters of text per language in one rich-text field. */
	richTextLength: 20000,
	/** Nesting of lists and quotes; deeper input is refused before it is walked. */
	richTextDepth: 12,
	urlLength: 2000,
	topicLength: 60,
	topics: 30,
	languages: 12,
	/** Items per list (outcomes, modules, assessments). */
	items: 100,
	ectsMax: 200,
	hoursMax: 10000
} as const;
