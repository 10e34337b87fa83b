import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types';
import { conflict, forbidden, invalid, notFound } from '../errors';
import { generateId } from '../ids';
import type { Actor } from '../policy';
import { canPathway, type PathwayAction } from '../policy/pathways';
import type { PathwayDetails } from './schema';
import { m } from '$lib/paraglide/messages';

// Changing pathways. Each verb asks the policy, then works in one transaction that locks the
// pathway's row, so two coordinators editing at once are served one after the other and positions
// never collide.

/** A published pathway keeps at least this many parts: one course alone is not a pathway. */
export const MIN_PUBLISHED_PARTS = 2;

function authorise(actor: Actor | null, action: PathwayAction): asserts actor is Actor {
	if (!canPathway(actor, action)) throw forbidden(m.pathways_only_coordinators());
}

async function lockPathway(trx: Transaction<Database>, id: string) {
	const row = await trx.selectFrom('pathways').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
	if (!row) throw notFound(m.pathways_not_found());
	return row;
}

async function partIds(trx: Transaction<Database>, id: string): Promise<string[]> {
	const rows = await trx.selectFrom('pathway_parts').select('course_id').where('pathway_id', '=', id).orderBy('position').execute();
	return rows.map((r) => r.course_id);
}

async function ensureSlugFree(trx: Transaction<Database>, slug: string, exceptId?: string) {
	let query = trx.selectFrom('pathways').select('id').where('slug', '=', slug);
	if (exceptId) query = query.where('id', '<>', exceptId);
	if (await query.executeTakeFirst()) throw conflict(m.pathways_address_taken(), 'slug');
}

/** A published pathway must stay completable: enough parts, and a requirement its parts can meet. */
function checkCompletable(parts: number, details: { requirement: 'all' | 'some'; required_count: number | null }) {
	if (parts < MIN_PUBLISHED_PARTS) {
		throw invalid(m.pathways_needs_parts({ count: MIN_PUBLISHED_PARTS }));
	}
	if (details.requirement === 'some' && (details.required_count ?? 0) > parts) {
		throw invalid(m.pathways_count_too_high({ count: parts, required: details.required_count ?? 0 }), 'requiredCount');
	}
}

export async function createPathway(db: Kysely<Database>, actor: Actor | null, details: PathwayDetails): Promise<{ id: string }> {
	authorise(actor, 'pathway.create');
	const id = generateId();
	await db.transaction().execute(async (trx) => {
		await ensureSlugFree(trx, details.slug);
		await trx
			.insertInto('pathways')
			.values({
				id,
				slug: details.slug,
				title: details.title,
				description: details.description,
				language: details.language,
				requirement: details.requirement,
				required_count: details.requirement === 'some' ? details.requiredCount : null,
				created_by: actor.id
			})
			.execute();
	});
	return { id };
}

export async function updatePathwayDetails(db: Kysely<Database>, actor: Actor | null, id: string, details: PathwayDetails): Promise<void> {
	authorise(actor, 'pathway.edit');
	await db.transaction().execute(async (trx) => {
		const row = await lockPathway(trx, id);
		if (row.first_published_at && details.slug !== row.slug) {
			throw invalid(m.pathways_address_locked(), 'slug');
		}
		await ensureSlugFree(trx, details.slug, id);
		const requirement = { requirement: details.requirement, required_count: details.requirement === 'some' ? details.requiredCount : null };
		if (row.published_at) checkCompletable((await partIds(trx, id)).length, requirement);
		await trx
			.updateTable('pathways')
			.set({ slug: details.slug, title: details.title, description: details.description, language: details.language, ...requirement, updated_at: new Date() })
			.where('id', '=', id)
			.execute();
	});
}

export async function addPart(db: Kysely<Database>, actor: Actor | null, id: string, courseId: string): Promise<void> {
	authorise(actor, 'pathway.edit');
	await db.transaction().execute(async (trx) => {
		await lockPathway(trx, id);
		// Only published courses: the pathway shows their latest published version, never a draft.
		const published = await trx.selectFrom('published_versions').select('id').where('course_id', '=', courseId).limit(1).executeTakeFirst();
		if (!published) throw invalid(m.pathways_only_published_parts(), 'courseId');
		const parts = await partIds(trx, id);
		if (parts.includes(courseId)) throw conflict(m.pathways_already_part(), 'courseId');
		await trx.insertInto('pathway_parts').values({ pathway_id: id, course_id: courseId, position: parts.length }).execute();
		await touch(trx, id);
	});
}

export async function removePart(db: Kysely<Database>, actor: Actor | null, id: string, courseId: string): Promise<void> {
	authorise(actor, 'pathway.edit');
	await db.transaction().execute(async (trx) => {
		const row = await lockPathway(trx, id);
		const parts = await partIds(trx, id);
		if (!parts.includes(courseId)) throw notFound(m.pathways_not_a_part());
		const remaining = parts.filter((p) => p !== courseId);
		if (row.published_at) checkCompletable(remaining.length, row);
		await trx.deleteFrom('pathway_parts').where('pathway_id', '=', id).where('course_id', '=', courseId).execute();
		await renumber(trx, id, remaining);
	});
}

export async function movePart(db: Kysely<Database>, actor: Actor | null, id: string, courseId: string, direction: 'up' | 'down') {
	authorise(actor, 'pathway.edit');
	await db.transaction().execute(async (trx) => {
		await lockPathway(trx, id);
		const parts = await partIds(trx, id);
		const from = parts.indexOf(courseId);
		if (from < 0) throw notFound(m.pathways_not_a_part());
		const to = direction === 'up' ? from - 1 : from + 1;
		// Moving the first part up (or the last down) is a no-op, not an error: the page simply stays.
		if (to < 0 || to >= parts.length) return;
		[parts[from], parts[to]] = [parts[to], parts[from]];
		await renumber(trx, id, parts);
	});
}

export async function setPathwayPublished(db: Kysely<Database>, actor: Actor | null, id: string, published: boolean): Promise<void> {
	authorise(actor, 'pathway.publish');
	await db.transaction().execute(async (trx) => {
		const row = await lockPathway(trx, id);
		if (published === (row.published_at !== null)) return;
		if (published) checkCompletable((await partIds(trx, id)).length, row);
		const now = new Date();
		await trx
			.updateTable('pathways')
			.set(published ? { published_at: now, first_published_at: row.first_published_at ?? now, updated_at: now } : { published_at: null, updated_at: now })
			.where('id', '=', id)
			.execute();
	});
}

async function renumber(trx: Transaction<Database>, id: string, courseIds: string[]) {
	for (const [position, courseId] of courseIds.entries()) {
		await trx.updateTable('pathway_parts').set({ position }).where('pathway_id', '=', id).where('course_id', '=', courseId).execute();
	}
	await touch(trx, id);
}

const touch = (trx: Transaction<Database>, id: string) => trx.updateTable('pathways').set({ updated_at: new Date() }).where('id', '=', id).execute();
