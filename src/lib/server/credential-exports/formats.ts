import { EXPORT_FORMATS, type ExportFormat } from '../exports';

// The downloads of a published version: where each one is served, and what to tell a reader about it.
// One table, read by the routes, the API's `exports` map, the OpenAPI document and the public page.

/** The credential exports served under …/versions/<n>/exports/<segment>; `spec` keeps its spec.json. */
export type CredentialFormat = Exclude<ExportFormat, 'spec'>;

export const CREDENTIAL_FORMATS = EXPORT_FORMATS.filter((f): f is CredentialFormat => f !== 'spec');

export const FORMAT_SEGMENTS: Record<CredentialFormat, string> = {
	ob3Achievement: 'ob3-achievement',
	ob3CredentialTemplate: 'ob3-credential-template',
	elmLearningOpportunity: 'elm-learning-opportunity',
	elmCredentialTemplate: 'elm-credential-template'
};

export function formatOfSegment(segment: string): CredentialFormat | null {
	return CREDENTIAL_FORMATS.find((f) => FORMAT_SEGMENTS[f] === segment) ?? null;
}

export interface FormatDescription {
	title: string;
	/** One line for the page: what it is and who takes it. */
	explanation: string;
}

export const FORMAT_DESCRIPTIONS: Record<ExportFormat, FormatDescription> = {
	ob3Achievement: {
		title: 'Open Badges 3.0 achievement',
		explanation: 'The badge class (Achievement, type MicroCredential) that Open Badges 3.0 issuers such as Open Badge Factory start from.'
	},
	ob3CredentialTemplate: {
		title: 'Open Badges 3.0 credential template',
		explanation: 'An unsigned OpenBadgeCredential around the achievement; the issuer fills in the learner and signs it.'
	},
	elmLearningOpportunity: {
		title: 'Europass learning opportunity (ELM)',
		explanation: 'The ELM v3 LearningOpportunity for Europass and other catalogues, with every language of the specification.'
	},
	elmCredentialTemplate: {
		title: 'European Digital Credential template (ELM)',
		explanation: 'An unsigned EDC with this specification as its claim, for the Europass EDC issuer to complete and seal.'
	},
	spec: {
		title: 'Specification (JSON)',
		explanation: 'The published specification itself as canonical JSON; its SHA-256 is the content hash.'
	}
};
