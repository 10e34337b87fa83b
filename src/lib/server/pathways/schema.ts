import * as v from 'valibot';
import { LANGUAGES } from '$lib/course-spec/vocabularies';
import { plainText } from '../form-text';
import { ID_PATTERN } from '../ids';
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

// The pathway forms. One schema per form; the domain checks what needs the database (unique
// address, published parts, a requirement its parts can meet).

export const PATHWAY_LANGUAGES = LANGUAGES.concepts.map((c) => c.code).filter((c): c is string => c !== undefined);

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const title = v.pipe(
	v.string(() => m.pathways_title_required()),
	v.trim(),
	plainText(),
	v.nonEmpty(() => m.pathways_title_required()),
	v.maxLength(200, () => m.pathways_title_too_long({ max: 200 }))
);

const slug = v.pipe(
	v.string(() => m.pathways_address_required()),
	v.trim(),
	v.toLowerCase(),
	v.nonEmpty(() => m.pathways_address_required()),
	v.maxLength(60, () => m.pathways_address_too_long({ max: 60 })),
	v.regex(SLUG_PATTERN, () => m.pathways_address_pattern())
);

const requiredCount = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.transform((s) => (s === '' ? null : Number(s))),
	v.nullable(v.pipe(v.number(() => m.pathways_count_number()), v.integer(() => m.pathways_count_whole()), v.minValue(1, () => m.pathways_count_min())))
);

export const pathwayDetailsSchema = v.pipe(
	v.object({
		title,
		slug,
		description: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			plainText({ multiline: true }),
			v.maxLength(4000, () => m.pathways_description_too_long({ max: formatNumber(4000) }))
		),
		language: v.picklist(PATHWAY_LANGUAGES, () => m.pathways_language_required()),
		requirement: v.picklist(['all', 'some'] as const, () => m.pathways_requirement_required()),
		requiredCount
	}),
	v.forward(
		v.check((d) => d.requirement === 'all' || d.requiredCount !== null, () => m.pathways_count_required()),
		['requiredCount']
	)
);

export type PathwayDetails = v.InferOutput<typeof pathwayDetailsSchema>;

const courseId = v.pipe(v.string(() => m.pathways_choose_course()), v.regex(ID_PATTERN, () => m.pathways_choose_course_from_list()));

export const partSchema = v.object({ courseId });

export const moveSchema = v.object({ courseId, direction: v.picklist(['up', 'down'] as const, () => m.pathways_choose_direction()) });
