import type { Kysely } from 'kysely';
import { primaryLanguage } from '$lib/course-spec';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';
import type { ExportInput, ExportProvider, Pathway } from '../exports';
import { pathwaysOfCourse } from '../pathways/exports';
import { getProviderProfile } from '../settings';
import { versionUrls } from './urls';

// What the export builders get: the frozen spec plus the facts around it. Published versions read
// these from published_version_exports (frozen at publication); the publish gate builds them for the
// version about to be published, so what it validates is what will be served.

/** The provider as frozen with a version: the instance's profile, the course's awarding body where it is empty. */
export interface FrozenProvider {
	name: string;
	country: string;
	website: string;
}

export async function currentProvider(db: Kysely<Database>, spec: CourseSpec): Promise<FrozenProvider> {
	const profile = await getProviderProfile(db);
	const primary = primaryLanguage(spec);
	const awarding = spec.awardingBody;
	return {
		name: profile.organisationName.trim() || awarding.name[primary] || Object.values(awarding.name)[0] || '',
		country: (profile.country.trim() || awarding.country || '').toUpperCase(),
		website: profile.website.trim() || awarding.website || ''
	};
}

/**
 * The learning pathways a course stacks towards (EU element O4), for `partOf` in its exports: the
 * published pathways it is a part of. They can change after the version is published, which is why
 * exports are cached for an hour rather than for ever, and why they are part of the cache key.
 */
export function pathwaysOf(db: Kysely<Database>, courseId: string, origin: string): Promise<Pathway[]> {
	return pathwaysOfCourse(db, courseId, origin);
}

export interface ExportSource {
	courseId: string;
	slug: string;
	number: number;
	publishedAt: Date;
	contentHash: string;
	spec: CourseSpec;
	provider: FrozenProvider;
}

export async function exportInputOf(db: Kysely<Database>, source: ExportSource, origin: string): Promise<ExportInput> {
	const provider: ExportProvider = { name: source.provider.name, country: source.provider.country, website: source.provider.website };
	return {
		spec: source.spec,
		version: source.number,
		publishedAt: source.publishedAt,
		contentHash: source.contentHash,
		urls: versionUrls(origin, source.slug, source.number),
		provider,
		// Members carry a perspective but no organisation yet, and exports name organisations only.
		coAuthors: [],
		partOf: { pathways: await pathwaysOf(db, source.courseId, origin) }
	};
}
