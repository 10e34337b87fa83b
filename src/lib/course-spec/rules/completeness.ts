import { EU_ELEMENTS, type EuElementCode } from '../eu-elements';
import { FIELDS, type FieldKey, type FieldMeta } from '../fields';
import type { CourseSpec } from '../types';
import { labelIn, LANGUAGES } from '../vocabularies';
import { m } from '$lib/paraglide/messages';
import { isAnswered, primaryLanguage, valuesAt } from './field-values';

// Completeness against the EU Annex I mandatory elements a spec carries. Which fields are
// mandatory comes from fields.ts (`required`); an element is done when any of its required fields
// has a value (M7: ECTS or hours; M6/M9: at least one item). Texts count in the primary language.

export interface CompletenessItem {
	element: EuElementCode;
	label: string;
	/** Where to take the user: the field, or the list for item fields (see fieldAnchor). */
	fieldKey: FieldKey;
	done: boolean;
	/** What to do next; present also when done, for tooltips. */
	hint: string;
}

export interface Completeness {
	items: CompletenessItem[];
	done: number;
	total: number;
	/** Whole percent of mandatory elements done. */
	percent: number;
}

const ELEMENT_ORDER = Object.keys(EU_ELEMENTS) as EuElementCode[];

const REQUIRED_BY_ELEMENT: [EuElementCode, FieldMeta[]][] = ELEMENT_ORDER.map(
	(element): [EuElementCode, FieldMeta[]] => [element, FIELDS.filter((f) => f.required && f.euElement === element)]
).filter(([, fields]) => fields.length > 0);

export function checkCompleteness(spec: CourseSpec): Completeness {
	const lang = primaryLanguage(spec);
	const concept = LANGUAGES.concepts.find((c) => c.code === lang);
	const languageName = concept ? labelIn(concept.label) : lang;
	const items = REQUIRED_BY_ELEMENT.map(([element, fields]): CompletenessItem => {
		const done = fields.some((field) => valuesAt(spec, field.path).some((value) => isAnswered(field, value, lang)));
		const { label, hint } = EU_ELEMENTS[element];
		return {
			element,
			label,
			fieldKey: fields[0].list ?? fields[0].key,
			done,
			hint: fields.some((f) => f.translatable) ? m.rules_in_language({ hint, language: languageName }) : hint
		};
	});
	const done = items.filter((i) => i.done).length;
	return { items, done, total: items.length, percent: Math.round((100 * done) / items.length) };
}
