import type { CourseSpec, LangCode, LangString } from '$lib/course-spec';
import type { Perspective } from '$lib/roles';

// What an export is built from: a published version's frozen spec plus the facts around it that the
// spec does not hold (where it lives, who provides it). Everything here is data, so the same input
// always gives the same bytes.

export const EXPORT_FORMATS = [
	'ob3Achievement',
	'ob3CredentialTemplate',
	'elmLearningOpportunity',
	'elmCredentialTemplate',
	'spec'
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportUrls {
	/** The course's public page (latest version), e.g. https://host/c/<slug>. */
	page: string;
	/** This version's public page, e.g. https://host/c/<slug>/v/3: what criteria and homepages point at. */
	version: string;
	/** The badge PNG of this version. */
	badgeImage: string;
	/**
	 * Where each export of this version is served. Language editions of the OB 3.0 achievement are the
	 * same URL with `?lang=<tag>` (see languageEdition), so the API must answer that parameter.
	 */
	exports: Record<ExportFormat, string>;
}

/** The organisation running this Co-course instance (the provider profile in settings). */
export interface ExportProvider {
	name: string | LangString;
	/** ISO 3166-1 alpha-2. */
	country: string;
	website: string;
	/** The provider's eIDAS legal identifier, if the profile has one; an EDC issuer seals with it. */
	legalIdentifier?: string;
	/** Badge colour as #rrggbb; the app's primary colour when unset. */
	colour?: string;
}

export interface CoAuthor {
	perspective: Perspective;
	/** The organisation the person co-wrote for; only organisations are named in exports, never people. */
	organisation?: string;
	organisationUrl?: string;
}

/** A larger credential or learning pathway this course stacks towards (EU element O4). */
export interface Pathway {
	title: LangString;
	url: string;
	/**
	 * The pathway as the ELM node a course's isPartOf carries (buildPathwaySpecification without parts).
	 * The shapes check the node a course points to, so a bare link is not enough; without it the
	 * pathway is named as a supplementary document only.
	 */
	reference?: Record<string, unknown>;
}

export interface ExportInput {
	spec: CourseSpec;
	version: number;
	publishedAt: Date;
	/** The published version's content hash, as stored with it. */
	contentHash: string;
	urls: ExportUrls;
	provider: ExportProvider;
	coAuthors?: CoAuthor[];
	partOf?: { pathways: Pathway[] };
}

export interface ExportFile {
	body: string;
	contentType: string;
	filename: string;
}

export type { LangCode };
