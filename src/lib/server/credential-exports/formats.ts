import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
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

const FORMAT_TEXTS: Record<ExportFormat, { title: typeof m.downloads_spec; explanation: typeof m.downloads_spec }> = {
	ob3Achievement: { title: m.downloads_ob3_achievement, explanation: m.downloads_ob3_achievement_explanation },
	ob3CredentialTemplate: { title: m.downloads_ob3_template, explanation: m.downloads_ob3_template_explanation },
	elmLearningOpportunity: { title: m.downloads_elm_opportunity, explanation: m.downloads_elm_opportunity_explanation },
	elmCredentialTemplate: { title: m.downloads_elm_template, explanation: m.downloads_elm_template_explanation },
	spec: { title: m.downloads_spec, explanation: m.downloads_spec_explanation }
};

/**
 * What to tell a reader about a download, in `locale` (without it, the request's interface language).
 * The OpenAPI document and the editor's export findings, which are the same for everyone, ask for English.
 */
export function formatDescription(format: ExportFormat, locale?: Locale): FormatDescription {
	const options = locale ? { locale } : undefined;
	return { title: FORMAT_TEXTS[format].title({}, options), explanation: FORMAT_TEXTS[format].explanation({}, options) };
}
