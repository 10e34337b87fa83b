import { sql, type Kysely } from 'kysely';
import { primaryLanguage } from '$lib/course-spec/rules/field-values';
import { EQF_NOT_APPLICABLE, type CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';
import { compareOutcomes, type OutcomeOverlap } from './similarity';
import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/i18n/format';

/** A published course whose name is close to the one under review, and how its content compares. */
export interface SimilarCourse {
	courseId: string;
	title: string;
	slug: string | null;
	retired: boolean;
	version: number;
	/** Trigram similarity of the closest pair of titles (any language), 0–1. */
	similarity: number;
	/** Credits and level of both, as people read them ("2 ECTS", "EQF 5", "Not set"). */
	ects: { here: string; there: string };
	eqf: { here: string; there: string };
	outcomes: OutcomeOverlap;
}

const ects = (spec: CourseSpec) => (spec.ectsCredits === null ? m.review_similar_not_set() : `${formatNumber(spec.ectsCredits)} ECTS`);
const eqf = (spec: CourseSpec) =>
	spec.eqfLevel === null ? m.review_similar_not_set() : spec.eqfLevel === EQF_NOT_APPLICABLE ? m.review_similar_no_eqf() : `EQF ${spec.eqfLevel}`;

/** pg_trgm's own default for "similar" (similarity_threshold). */
export const SIMILAR_TITLE_THRESHOLD = 0.3;
const LIMIT = 5;

const outcomeTexts = (spec: CourseSpec) => {
	const lang = primaryLanguage(spec);
	return spec.learningOutcomes.map((o) => (o.text[lang] ?? '').trim()).filter((text) => text !== '');
};

/**
 * Published courses (latest versions, retired ones included) with a name like this spec's, in any of
 * their languages: micro-credentials of the same name should have matching content, or different
 * names, so each comes with how its outcomes, credits and level compare.
 */
export async function findSimilarPublished(db: Kysely<Database>, courseId: string, spec: CourseSpec): Promise<SimilarCourse[]> {
	const titles = Object.values(spec.title).map((t) => t.trim()).filter((t) => t !== '');
	if (titles.length === 0) return [];
	const ours = sql.join(titles.map((title) => sql`(${title})`));
	const { rows } = await sql<{ id: string; slug: string | null; retired_at: Date | null; number: number; spec: CourseSpec; score: number }>`
		select * from (
			select c.id, c.slug, c.retired_at, pv.number, pv.spec,
				(select max(similarity(t.value, q.title)) from jsonb_each_text(pv.spec->'title') t, (values ${ours}) as q(title)) as score
			from courses c
			join published_versions pv on pv.course_id = c.id
			where c.id <> ${courseId}
				and pv.number = (select max(p.number) from published_versions p where p.course_id = c.id)
		) candidates
		where score >= ${SIMILAR_TITLE_THRESHOLD}
		order by score desc, id
		limit ${LIMIT}
	`.execute(db);
	const here = outcomeTexts(spec);
	return rows.map((row) => ({
		courseId: row.id,
		title: row.spec.title[primaryLanguage(row.spec)] ?? Object.values(row.spec.title)[0] ?? '',
		slug: row.slug,
		retired: row.retired_at !== null,
		version: Number(row.number),
		similarity: Math.round(Number(row.score) * 100) / 100,
		ects: { here: ects(spec), there: ects(row.spec) },
		eqf: { here: eqf(spec), there: eqf(row.spec) },
		outcomes: compareOutcomes(here, outcomeTexts(row.spec))
	}));
}
