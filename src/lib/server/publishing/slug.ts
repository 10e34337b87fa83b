import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/types';

export const SLUG_MAX_LENGTH = 60;

/**
 * The readable part of a public address, from a title: "Kiertotalous pk-yrityksille" →
 * "kiertotalous-pk-yrityksille". Letters lose their accents (ä → a, ø → o), everything that is not
 * a letter or digit becomes one hyphen; a title with no Latin letters or digits gives "course".
 */
export function slugify(title: string): string {
	const folded = title
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[øØ]/g, 'o')
		.replace(/[æÆ]/g, 'ae')
		.replace(/ß/g, 'ss')
		.toLowerCase();
	const slug = folded
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, SLUG_MAX_LENGTH)
		.replace(/-+$/, '');
	return slug || 'course';
}

// One lock for every slug in the database: two courses with the same title published at the same
// moment take "title" and "title-2" instead of one failing on the unique index.
const SLUG_LOCK = 7240118;

/** Gives the course its public address at its first publication; an address once given never changes. */
export async function assignSlug(trx: Transaction<Database>, courseId: string, title: string): Promise<string> {
	const current = await trx.selectFrom('courses').select('slug').where('id', '=', courseId).executeTakeFirstOrThrow();
	if (current.slug) return current.slug;
	await sql`select pg_advisory_xact_lock(${SLUG_LOCK})`.execute(trx);
	const base = slugify(title);
	const taken = new Set(
		(
			await trx
				.selectFrom('courses')
				.select('slug')
				.where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
				.execute()
		).map((row) => row.slug)
	);
	let slug = base;
	for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
	await trx.updateTable('courses').set({ slug }).where('id', '=', courseId).execute();
	return slug;
}
