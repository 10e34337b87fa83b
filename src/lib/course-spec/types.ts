// The course spec as JSON: what the editor's Yjs document converts to, what a published version
// stores, and what every export is generated from. Field names follow DESIGN.md "The course spec";
// the EU element each one satisfies is recorded in fields.ts.

/** A BCP 47 language tag such as `fi`, `sv` or `en-GB`. */
export type LangCode = string;

/**
 * Text in several languages, keyed by BCP 47 tag. Present from the first version so that fi/sv/en
 * editions never need a document migration. Empty translations are left out.
 */
export type LangString = Record<LangCode, string>;

// Rich text is ProseMirror JSON with the node and mark names of Tiptap's StarterKit, because the
// editor binds these fields with Tiptap's Collaboration extension and the JSON is read back from it.

export interface LinkAttrs {
	href: string;
	// Tiptap's Link mark always carries these (often null); kept so editor output validates as-is.
	target?: string | null;
	rel?: string | null;
	class?: string | null;
	title?: string | null;
}

export type RichTextMark =
	| { type: 'bold' | 'italic' | 'strike' | 'code' | 'underline' }
	| { type: 'link'; attrs: LinkAttrs };

export interface RichTextText {
	type: 'text';
	text: string;
	marks?: RichTextMark[];
}

export interface RichTextHardBreak {
	type: 'hardBreak';
}

export type RichTextInline = RichTextText | RichTextHardBreak;

export interface RichTextParagraph {
	type: 'paragraph';
	content?: RichTextInline[];
}

export interface RichTextHeading {
	type: 'heading';
	attrs: { level: number };
	content?: RichTextInline[];
}

export interface RichTextListItem {
	type: 'listItem';
	content: RichTextBlock[];
}

export interface RichTextBulletList {
	type: 'bulletList';
	content: RichTextListItem[];
}

export interface RichTextOrderedList {
	type: 'orderedList';
	attrs?: { start?: number; type?: string | null };
	content: RichTextListItem[];
}

export interface RichTextBlockquote {
	type: 'blockquote';
	content: RichTextBlock[];
}

export type RichTextBlock =
	| RichTextParagraph
	| RichTextHeading
	| RichTextBulletList
	| RichTextOrderedList
	| RichTextBlockquote;

export type RichTextNode = RichTextBlock | RichTextListItem | RichTextInline;

/** One language's rich text: a ProseMirror document. */
export interface RichTextDoc {
	type: 'doc';
	content?: RichTextBlock[];
}

/** Rich text in several languages. */
export type RichText = Record<LangCode, RichTextDoc>;

/** Explicit "no EQF level applies" (EU element M8 "if applicable"); `null` means not chosen yet. */
export const EQF_NOT_APPLICABLE = 'not_applicable';
export type EqfLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export type EqfChoice = EqfLevel | typeof EQF_NOT_APPLICABLE | null;

/**
 * Supervision and identity verification during assessment (EU element O2). Stored as a code, not a
 * URI, because one of the three options has no concept in the EU vocabulary (see vocabularies.ts).
 */
export type SupervisionCode = 'unsupervised-without-id' | 'supervised-without-id' | 'supervised-with-id';

export type StackabilityMode = 'standalone' | 'stackable';

export interface LearningOutcome {
	id: string;
	text: LangString;
}

export interface CourseModule {
	id: string;
	title: LangString;
	description: RichText;
	hours: number | null;
	/** URI from the ELM learning-activity scheme. */
	activityType: string | null;
	/** Ids of the learning outcomes this module works towards. */
	outcomeIds: string[];
}

export interface Assessment {
	id: string;
	/** A short name ("Final project"): ELM requires a title and the alignment matrix needs a label. */
	title: LangString;
	/** URI from the ELM assessment scheme (EU element M9). */
	type: string | null;
	description: RichText;
	/** Ids of the learning outcomes this assessment assesses. */
	outcomeIds: string[];
}

export interface CourseSpec {
	/** Version of this JSON format, so that stored published versions stay readable. */
	schemaVersion: 1;
	title: LangString;
	/** The provider's course code; not translated. */
	code: string | null;
	summary: RichText;
	targetGroup: {
		text: LangString;
		/** URIs from the ELM target-group scheme. */
		categories: string[];
	};
	prerequisites: LangString;
	/** Languages of instruction; the first is the primary language the completeness check reads. */
	languages: LangCode[];
	eqfLevel: EqfChoice;
	/** National qualification framework level as the provider states it (e.g. "FiNQF 6"). */
	nqfLevel: string | null;
	ectsCredits: number | null;
	workloadHours: number | null;
	/** URI from the ELM learning-assessment ("mode") scheme: the EU form of participation. */
	participationForm: string | null;
	/** URI from the ELM learning-setting scheme (formal / non-formal). */
	learningSetting: string | null;
	/** Free tags. */
	topics: string[];
	/** ISCED-F field of education URI. */
	fieldOfStudy: string | null;
	awardingBody: {
		name: LangString;
		/** ISO 3166-1 alpha-2, upper case. */
		country: string | null;
		website: string | null;
	};
	qualityAssurance: {
		/** URI from the ELM accreditation scheme. */
		type: string | null;
		statement: LangString;
	};
	supervision: SupervisionCode | null;
	gradingScheme: LangString;
	stackability: {
		mode: StackabilityMode | null;
		/** Name of the larger credential this one stacks towards. */
		partOf: LangString;
		partOfUrl: string | null;
	};
	furtherInformation: LangString;
	learningOutcomes: LearningOutcome[];
	modules: CourseModule[];
	assessments: Assessment[];
}

export type ListName = 'learningOutcomes' | 'modules' | 'assessments';
