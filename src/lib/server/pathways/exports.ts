import type { Kysely } from 'kysely';
import type { CourseSpec } from '$lib/course-spec';
import type { Database } from '../db/types';
import {
	EXPORT_FORMATS,
	type ExportFile,
	type ExportFormat,
	type ExportInput,
	type ExportProvider,
	type Pathway
} from '../exports';
import { buildPathwayExport, buildPathwaySpecification, type PathwayExportInput } from '../exports/pathway';
import { getProviderProfile } from '../settings';
import { readPublicPathway, type PathwayView } from './read';

// What the exports need from pathways: the pathway's own ELM export, and for a course the pathways
// it belongs to (published ones only) with the node its isPartOf carries. URLs are absolute, so
// every function takes the origin the request came to.

const FILE_NAMES: Record<ExportFormat, string> = {
	ob3Achievement: 'ob3-achievement',
	ob3CredentialTemplate: 'ob3-credential-template',
	elmLearningOpportunity: 'elm-learning-opportunity',
	elmCredentialTemplate: 'elm-credential-template',
	spec: 'spec'
};

export const pathwayPageUrl = (origin: string, slug: string) => `${origin}/p/${encodeURIComponent(slug)}`;
export const pathwayExportUrl = (origin: string, slug: string) => `${origin}/api/v1/pathways/${encodeURIComponent(slug)}/elm.jsonld`;

async function provider(db: Kysely<Database>): Promise<ExportProvider> {
	const profile = await getProviderProfile(db);
	return { name: profile.organisationName, country: profile.country, website: profile.website };
}

/** The export input of a part's latest published version: node ids are fragments of its version page. */
function partInput(origin: string, part: { slug: string; number: number; publishedAt: Date; contentHash: string; spec: CourseSpec }, providerProfile: ExportProvider): ExportInput {
	const page = `${origin}/c/${encodeURIComponent(part.slug)}`;
	const api = `${origin}/api/v1/specs/${encodeURIComponent(part.slug)}/versions/${part.number}`;
	return {
		spec: part.spec,
		version: part.number,
		publishedAt: part.publishedAt,
		contentHash: part.contentHash,
		urls: {
			page,
			version: `${page}/v/${part.number}`,
			badgeImage: `${api}/badge.png`,
			exports: Object.fromEntries(EXPORT_FORMATS.map((f) => [f, `${api}/exports/${FILE_NAMES[f]}`])) as Record<ExportFormat, string>
		},
		provider: providerProfile
	};
}

async function exportInputOf(db: Kysely<Database>, pathway: PathwayView, origin: string, providerProfile: ExportProvider): Promise<PathwayExportInput> {
	const courseIds = pathway.parts.map((p) => p.courseId);
	const rows =
		courseIds.length === 0
			? []
			: await db
					.selectFrom('catalogue_entries as e')
					.innerJoin('published_versions as v', 'v.id', 'e.version_id')
					.select(['e.course_id', 'e.slug', 'v.number', 'v.published_at', 'v.content_hash', 'v.spec'])
					.where('e.course_id', 'in', courseIds)
					.execute();
	const byCourse = new Map(rows.map((r) => [r.course_id, r]));
	const parts = pathway.parts.flatMap((p) => {
		const row = byCourse.get(p.courseId);
		return row
			? [partInput(origin, { slug: row.slug, number: row.number, publishedAt: row.published_at, contentHash: row.content_hash, spec: row.spec }, providerProfile)]
			: [];
	});
	const { required } = pathway.totals;
	return {
		url: pathwayPageUrl(origin, pathway.slug),
		title: { [pathway.language]: pathway.title },
		description: { [pathway.language]: pathway.description },
		language: pathway.language,
		requirement: pathway.requirement,
		ects: required.max > 0 ? required : null,
		parts,
		provider: providerProfile
	};
}

/** The ELM export of a published pathway, or null when there is no published pathway at this address. */
export async function pathwayExport(db: Kysely<Database>, slug: string, origin: string): Promise<ExportFile | null> {
	const pathway = await readPublicPathway(db, slug);
	if (!pathway) return null;
	return buildPathwayExport(await exportInputOf(db, pathway, origin, await provider(db)));
}

/**
 * The published pathways a course is part of, as the course exports take them
 * (`ExportInput.partOf.pathways`): title, page and the ELM node isPartOf points to.
 */
export async function pathwaysOfCourse(db: Kysely<Database>, courseId: string, origin: string): Promise<Pathway[]> {
	const slugs = await db
		.selectFrom('pathways as w')
		.innerJoin('pathway_parts as p', 'p.pathway_id', 'w.id')
		.select('w.slug')
		.where('p.course_id', '=', courseId)
		.where('w.published_at', 'is not', null)
		.orderBy('w.slug')
		.execute();
	if (slugs.length === 0) return [];
	const providerProfile = await provider(db);
	const result: Pathway[] = [];
	for (const { slug } of slugs) {
		const pathway = await readPublicPathway(db, slug);
		if (!pathway) continue;
		const input = await exportInputOf(db, pathway, origin, providerProfile);
		result.push({ title: input.title, url: input.url, reference: buildPathwaySpecification(input, { parts: false }) });
	}
	return result;
}
