import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { pathwayExportUrl, pathwayPageUrl } from './exports';
import { listPublicPathways, readPublicPathway, type PathwayView } from './read';

// Published pathways as the public sees them: the page, its schema.org JSON-LD and the read API.
// The 60 ECTS flag is the coordinators' warning, not part of what is published.

const courseUrl = (origin: string, slug: string) => `${origin}/c/${encodeURIComponent(slug)}`;
const specApi = (origin: string, slug: string) => `${origin}/api/v1/specs/${encodeURIComponent(slug)}`;
const pathwayApi = (origin: string, slug: string) => `${origin}/api/v1/pathways/${encodeURIComponent(slug)}`;

function credits(p: PathwayView) {
	return { min: p.totals.required.min, max: p.totals.required.max, allParts: p.totals.sum, partsWithoutEcts: p.totals.withoutEcts };
}

const requirement = (p: PathwayView) =>
	p.requirement.kind === 'all' ? { kind: 'all' as const } : { kind: 'some' as const, count: p.requirement.count };

function summary(p: PathwayView, origin: string) {
	return {
		slug: p.slug,
		title: p.title,
		language: p.language,
		url: pathwayPageUrl(origin, p.slug),
		api: pathwayApi(origin, p.slug),
		parts: p.parts.length,
		requirement: requirement(p),
		ects: credits(p),
		publishedAt: p.publishedAt!.toISOString()
	};
}

/** GET /api/v1/pathways */
export async function pathwayList(db: Kysely<Database>, origin: string) {
	const items = (await listPublicPathways(db)).map((p) => summary(p, origin));
	return { items, total: items.length };
}

/** GET /api/v1/pathways/<slug>, or null when no published pathway has this address. */
export async function pathwayDetail(db: Kysely<Database>, slug: string, origin: string) {
	const p = await readPublicPathway(db, slug);
	if (!p) return null;
	return {
		...summary(p, origin),
		description: p.description,
		parts: p.parts.map((part, i) => ({
			position: i + 1,
			slug: part.slug,
			title: part.title,
			version: part.version,
			ects: part.ects,
			eqfLevel: part.eqfLevel,
			provider: part.provider,
			retired: part.retired,
			url: courseUrl(origin, part.slug),
			api: specApi(origin, part.slug)
		})),
		exports: { elmLearningOpportunity: pathwayExportUrl(origin, p.slug) }
	};
}

/** schema.org: a programme made of courses, with the credits it takes. */
export function pathwayJsonLd(p: PathwayView, origin: string) {
	const url = pathwayPageUrl(origin, p.slug);
	return {
		'@context': 'https://schema.org',
		'@type': 'EducationalOccupationalProgram',
		'@id': url,
		url,
		name: p.title,
		description: p.description || undefined,
		inLanguage: p.language,
		numberOfCredits: p.totals.required.min > 0 ? { '@type': 'StructuredValue', value: p.totals.required.min, unitText: 'ECTS' } : undefined,
		hasCourse: p.parts.map((part) => ({ '@type': 'Course', '@id': courseUrl(origin, part.slug), url: courseUrl(origin, part.slug), name: part.title }))
	};
}
