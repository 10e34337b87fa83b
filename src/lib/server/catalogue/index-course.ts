import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';
import { BUCKET_CONFIG, SEARCH_BUCKETS, catalogueDocument, type WeightedText, type SearchBucket } from './document';

// Keeps the catalogue's search index in step with published versions. Everything here reads
// published_versions only, so nothing of a draft or of the live document can reach the catalogue.

/** Finnish stems shorter than this are too short for trigrams to tell apart. */
const MIN_STEM_LENGTH = 4;

function vector(bucket: SearchBucket, text: WeightedText): RawBuilder<unknown> {
	const config = sql.lit(BUCKET_CONFIG[bucket]);
	return sql`setweight(to_tsvector(${config}::regconfig, ${text.a}), 'A')
		|| setweight(to_tsvector(${config}::regconfig, ${text.b}), 'B')
		|| setweight(to_tsvector(${config}::regconfig, ${text.c}), 'C')`;
}

/** The text a headline is cut from: everything but the title, which the result shows on its own. */
const body = (text: WeightedText) => [text.b, text.c].filter(Boolean).join('\n');

/**
 * Puts a course's latest published version into the catalogue (or refreshes it). The publish verb
 * calls it inside its transaction, right after writing the published_versions row, so the catalogue
 * and the published versions change together. Does nothing for a course with no published version.
 */
export async function indexPublishedVersion(db: Kysely<Database>, courseId: string): Promise<void> {
	const latest = await db
		.selectFrom('published_versions as v')
		.innerJoin('courses as c', 'c.id', 'v.course_id')
		.select(['v.id', 'v.number', 'v.published_at', 'v.spec', 'c.slug', 'c.retired_at'])
		.where('v.course_id', '=', courseId)
		.orderBy('v.number', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!latest) return;
	if (!latest.slug) throw new Error(`course ${courseId} has a published version but no slug`);
	const doc = catalogueDocument(latest.spec as CourseSpec);
	const values = {
		course_id: courseId,
		version_id: latest.id,
		slug: latest.slug,
		version_number: latest.number,
		published_at: latest.published_at,
		retired_at: latest.retired_at,
		language: doc.language,
		title: doc.title,
		excerpt: doc.excerpt,
		provider: doc.provider,
		country: doc.country,
		languages: doc.languages,
		eqf_level: doc.eqfLevel,
		ects: doc.ects,
		participation_form: doc.participationForm,
		field_code: doc.fieldCode,
		topics: doc.topics,
		tsv: sql`${sql.join(
			SEARCH_BUCKETS.map((b) => vector(b, doc.text[b])),
			sql` || `
		)}`,
		tsv_title: sql`${sql.join(
			SEARCH_BUCKETS.map((b) => sql`to_tsvector(${sql.lit(BUCKET_CONFIG[b])}::regconfig, ${doc.text[b].a})`),
			sql` || `
		)}`,
		indexed_at: new Date()
	};
	const { course_id: _key, ...update } = values;
	await db
		.insertInto('catalogue_entries')
		.values(values)
		.onConflict((oc) => oc.column('course_id').doUpdateSet(update))
		.execute();
	const texts = {
		body_fi: body(doc.text.fi),
		body_sv: body(doc.text.sv),
		body_en: body(doc.text.en),
		body_other: body(doc.text.other),
		tsv_fi: vector('fi', doc.text.fi),
		tsv_sv: vector('sv', doc.text.sv),
		tsv_en: vector('en', doc.text.en),
		tsv_other: vector('other', doc.text.other)
	};
	await db
		.insertInto('catalogue_texts')
		.values({ course_id: courseId, ...texts })
		.onConflict((oc) => oc.column('course_id').doUpdateSet(texts))
		.execute();
	await sql`
		insert into catalogue_stems (stem)
		select lexeme from catalogue_texts t, unnest(t.tsv_fi)
		where t.course_id = ${courseId} and length(lexeme) >= ${MIN_STEM_LENGTH}
		on conflict do nothing
	`.execute(db);
}

/** Rebuilds the whole catalogue from published versions (after a change to how courses are indexed). */
export async function rebuildCatalogue(db: Kysely<Database>): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await trx.deleteFrom('catalogue_entries').execute();
		await trx.deleteFrom('catalogue_stems').execute();
		const courses = await trx.selectFrom('published_versions').select('course_id').distinct().execute();
		for (const { course_id } of courses) await indexPublishedVersion(trx, course_id);
		return courses.length;
	});
}
