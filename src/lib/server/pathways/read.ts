import type { Kysely, Selectable } from 'kysely';
import type { Database, PathwayTable } from '../db/types';
import { forbidden, notFound } from '../errors';
import type { Actor } from '../policy';
import { canPathway, canReadPathwayPublicly } from '../policy/pathways';
import { pathwayTotals, type PathwayTotals, type Requirement } from '$lib/pathways/totals';
import { m } from '$lib/paraglide/messages';

// Reading pathways: the coordinators' list and editor (drafts included), and the public reads
// (published pathways only). A part's facts come from the catalogue entry of its course, which holds
// the latest published version and nothing else, so no draft text can reach a pathway page.

export interface PathwayPart {
	courseId: string;
	slug: string;
	title: string;
	/** The language of the title and excerpt. */
	language: string;
	version: number;
	ects: number | null;
	eqfLevel: number | null;
	provider: string;
	excerpt: string;
	retired: boolean;
}

export interface PathwayView {
	id: string;
	slug: string;
	title: string;
	description: string;
	language: string;
	requirement: Requirement;
	publishedAt: Date | null;
	firstPublishedAt: Date | null;
	updatedAt: Date;
	parts: PathwayPart[];
	totals: PathwayTotals;
}

const requirementOf = (row: Selectable<PathwayTable>): Requirement =>
	row.requirement === 'some' && row.required_count !== null ? { kind: 'some', count: row.required_count } : { kind: 'all' };

async function partsOf(db: Kysely<Database>, pathwayIds: string[]): Promise<Map<string, PathwayPart[]>> {
	const byPathway = new Map<string, PathwayPart[]>(pathwayIds.map((id) => [id, []]));
	if (pathwayIds.length === 0) return byPathway;
	const rows = await db
		.selectFrom('pathway_parts as p')
		.innerJoin('catalogue_entries as e', 'e.course_id', 'p.course_id')
		.select(['p.pathway_id', 'p.course_id', 'e.slug', 'e.title', 'e.language', 'e.version_number', 'e.ects', 'e.eqf_level', 'e.provider', 'e.excerpt', 'e.retired_at'])
		.where('p.pathway_id', 'in', pathwayIds)
		.orderBy('p.pathway_id')
		.orderBy('p.position')
		.execute();
	for (const r of rows) {
		byPathway.get(r.pathway_id)!.push({
			courseId: r.course_id,
			slug: r.slug,
			title: r.title,
			language: r.language,
			version: r.version_number,
			// numeric columns come back as strings from pg
			ects: r.ects === null ? null : Number(r.ects),
			eqfLevel: r.eqf_level,
			provider: r.provider,
			excerpt: r.excerpt,
			retired: r.retired_at !== null
		});
	}
	return byPathway;
}

function view(row: Selectable<PathwayTable>, parts: PathwayPart[]): PathwayView {
	const requirement = requirementOf(row);
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		description: row.description,
		language: row.language,
		requirement,
		publishedAt: row.published_at,
		firstPublishedAt: row.first_published_at,
		updatedAt: row.updated_at,
		parts,
		totals: pathwayTotals(
			parts.map((p) => p.ects),
			requirement
		)
	};
}

async function views(db: Kysely<Database>, rows: Selectable<PathwayTable>[]): Promise<PathwayView[]> {
	const parts = await partsOf(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => view(r, parts.get(r.id)!));
}

/** Every pathway, drafts first then by title: the coordinators' list. */
export async function listPathways(db: Kysely<Database>, actor: Actor | null): Promise<PathwayView[]> {
	if (!canPathway(actor, 'pathway.list')) throw forbidden(m.pathways_only_coordinators());
	const rows = await db.selectFrom('pathways').selectAll().orderBy('title').orderBy('id').execute();
	return views(db, rows);
}

/** One pathway for its editor. */
export async function loadPathway(db: Kysely<Database>, actor: Actor | null, id: string): Promise<PathwayView> {
	if (!canPathway(actor, 'pathway.edit')) throw forbidden(m.pathways_only_coordinators());
	const row = await db.selectFrom('pathways').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) throw notFound(m.pathways_not_found());
	return view(row, (await partsOf(db, [id])).get(id)!);
}

export interface CourseCandidate {
	courseId: string;
	slug: string;
	title: string;
	version: number;
	ects: number | null;
	provider: string;
	retired: boolean;
}

const CANDIDATE_LIMIT = 20;

/**
 * Published courses that could become parts: matching `query` in the title or address, newest first,
 * without those already in the pathway. At most 20, so the editor stays one readable page at 10,000 courses.
 */
export async function findCandidates(db: Kysely<Database>, actor: Actor | null, pathwayId: string, query: string): Promise<CourseCandidate[]> {
	if (!canPathway(actor, 'pathway.edit')) throw forbidden(m.pathways_only_coordinators());
	const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
	let select = db
		.selectFrom('catalogue_entries as e')
		.select(['e.course_id', 'e.slug', 'e.title', 'e.version_number', 'e.ects', 'e.provider', 'e.retired_at'])
		.where(({ not, exists, selectFrom }) =>
			not(exists(selectFrom('pathway_parts as p').select('p.course_id').where('p.pathway_id', '=', pathwayId).whereRef('p.course_id', '=', 'e.course_id')))
		);
	for (const word of words) {
		const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		select = select.where((eb) => eb.or([eb('e.title', 'ilike', pattern), eb('e.slug', 'ilike', pattern)]));
	}
	const rows = await select.orderBy('e.retired_at', (o) => o.desc().nullsFirst()).orderBy('e.published_at', 'desc').orderBy('e.slug').limit(CANDIDATE_LIMIT).execute();
	return rows.map((r) => ({
		courseId: r.course_id,
		slug: r.slug,
		title: r.title,
		version: r.version_number,
		ects: r.ects === null ? null : Number(r.ects),
		provider: r.provider,
		retired: r.retired_at !== null
	}));
}

// ── Public ─────────────────────────────────────────────────────────────────────────────────────

/** A published pathway by its address, or null: a draft or unpublished pathway does not exist here. */
export async function readPublicPathway(db: Kysely<Database>, slug: string): Promise<PathwayView | null> {
	if (slug.length === 0 || slug.length > 60) return null;
	const row = await db.selectFrom('pathways').selectAll().where('slug', '=', slug).where('published_at', 'is not', null).executeTakeFirst();
	if (!row || !canReadPathwayPublicly({ publishedAt: row.published_at })) return null;
	return view(row, (await partsOf(db, [row.id])).get(row.id)!);
}

/** Every published pathway by title: the catalogue, the API list and the sitemap. */
export async function listPublicPathways(db: Kysely<Database>): Promise<PathwayView[]> {
	const rows = await db.selectFrom('pathways').selectAll().where('published_at', 'is not', null).orderBy('title').orderBy('slug').execute();
	return views(db, rows);
}

/** The published pathways a course is part of (by its public address): what its page names. */
export async function publicPathwaysOfCourse(db: Kysely<Database>, courseSlug: string): Promise<{ slug: string; title: string; language: string }[]> {
	return db
		.selectFrom('pathways as w')
		.innerJoin('pathway_parts as p', 'p.pathway_id', 'w.id')
		.innerJoin('courses as c', 'c.id', 'p.course_id')
		.select(['w.slug', 'w.title', 'w.language'])
		.where('c.slug', '=', courseSlug)
		.where('w.published_at', 'is not', null)
		.orderBy('w.title')
		.orderBy('w.slug')
		.execute();
}
