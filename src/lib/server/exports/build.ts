import { primaryLanguage, type LangCode } from '$lib/course-spec';
import { badgeContent, badgePng, badgeSvg } from './badge-image';
import { canonicalJsonDocument } from '$lib/course-spec/canonical-json';
import { buildElmCredentialTemplate } from './elm-credential';
import { buildLearningOpportunity } from './elm-opportunity';
import { buildAchievement, buildOb3CredentialTemplate } from './ob3';
import { specLanguages } from './text';
import type { ExportFile, ExportFormat, ExportInput } from './types';

// One entry point per export: the document as canonical JSON with its media type and file name.

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
	// A bare Achievement has no @context: issuers embed it in a credential, so it is plain JSON.
	ob3Achievement: 'application/json',
	ob3CredentialTemplate: 'application/ld+json',
	elmLearningOpportunity: 'application/ld+json',
	elmCredentialTemplate: 'application/ld+json',
	spec: 'application/json'
};

const FILE_SUFFIX: Record<ExportFormat, string> = {
	ob3Achievement: 'ob3-achievement.json',
	ob3CredentialTemplate: 'ob3-credential-template.jsonld',
	elmLearningOpportunity: 'elm-learning-opportunity.jsonld',
	elmCredentialTemplate: 'elm-credential-template.jsonld',
	spec: 'spec.json'
};

export interface BuildOptions {
	/** The language edition of an OB 3.0 export; the spec's primary language when unset. */
	lang?: LangCode;
}

/** The document of one export, before serialisation. */
export function buildDocument(format: ExportFormat, input: ExportInput, options: BuildOptions = {}): unknown {
	const lang = options.lang ?? primaryLanguage(input.spec);
	switch (format) {
		case 'ob3Achievement':
			return buildAchievement(input, lang);
		case 'ob3CredentialTemplate':
			return buildOb3CredentialTemplate(input, lang);
		case 'elmLearningOpportunity':
			return buildLearningOpportunity(input);
		case 'elmCredentialTemplate':
			return buildElmCredentialTemplate(
				input,
				specLanguages(input.spec).map((l) => ({ lang: l, png: badgePng(badgeSvg(badgeContent(input, l))) }))
			);
		case 'spec':
			return input.spec;
	}
}

export function buildExport(format: ExportFormat, input: ExportInput, options: BuildOptions = {}): ExportFile {
	const lang = options.lang ?? primaryLanguage(input.spec);
	const edition = format.startsWith('ob3') && lang !== primaryLanguage(input.spec) ? `.${lang}` : '';
	return {
		body: canonicalJsonDocument(buildDocument(format, input, options)),
		contentType: EXPORT_CONTENT_TYPES[format],
		filename: `${slugOf(input.urls.page)}-v${input.version}${edition}.${FILE_SUFFIX[format]}`
	};
}

/** The language editions an export has: OB 3.0 one per language, the others one for all. */
export function exportLanguages(format: ExportFormat, input: ExportInput): LangCode[] {
	return format.startsWith('ob3') ? specLanguages(input.spec) : [primaryLanguage(input.spec)];
}

function slugOf(pageUrl: string): string {
	const last = new URL(pageUrl).pathname.split('/').filter(Boolean).at(-1) ?? '';
	return /^[a-z0-9-]+$/i.test(last) ? last.toLowerCase() : 'course';
}
