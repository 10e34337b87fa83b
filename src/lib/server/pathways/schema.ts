import * as v from 'valibot';
import { LANGUAGES } from '$lib/course-spec/vocabularies';
import { plainText } from '../form-text';
import { ID_PATTERN } from '../ids';

// The pathway forms. One schema per form; the domain checks what needs the database (unique
// address, published parts, a requirement its parts can meet).

export const PATHWAY_LANGUAGES = LANGUAGES.concepts.map((c) => c.code).filter((c): c is string => c !== undefined);

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const title = v.pipe(
	v.string('Give the pathway a title.'),
	v.trim(),
	plainText(),
	v.nonEmpty('Give the pathway a title.'),
	v.maxLength(200, 'Keep the title under 200 characters.')
);

const slug = v.pipe(
	v.string('Give the pathway an address.'),
	v.trim(),
	v.toLowerCase(),
	v.nonEmpty('Give the pathway an address.'),
	v.maxLength(60, 'Keep the address under 60 characters.'),
	v.regex(SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens, e.g. sustainable-manufacturing.')
);

const requiredCount = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.transform((s) => (s === '' ? null : Number(s))),
	v.nullable(v.pipe(v.number('Enter a number of parts.'), v.integer('Enter a whole number of parts.'), v.minValue(1, 'At least 1 part.')))
);

export const pathwayDetailsSchema = v.pipe(
	v.object({
		title,
		slug,
		description: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			plainText({ multiline: true }),
			v.maxLength(4000, 'Keep the description under 4,000 characters.')
		),
		language: v.picklist(PATHWAY_LANGUAGES, 'Choose the language the title and description are in.'),
		requirement: v.picklist(['all', 'some'] as const, 'Choose what completing the pathway takes.'),
		requiredCount
	}),
	v.forward(
		v.check((d) => d.requirement === 'all' || d.requiredCount !== null, 'Say how many parts a learner must complete.'),
		['requiredCount']
	)
);

export type PathwayDetails = v.InferOutput<typeof pathwayDetailsSchema>;

const courseId = v.pipe(v.string('Choose a course.'), v.regex(ID_PATTERN, 'Choose a course from the list.'));

export const partSchema = v.object({ courseId });

export const moveSchema = v.object({ courseId, direction: v.picklist(['up', 'down'] as const, 'Choose up or down.') });
