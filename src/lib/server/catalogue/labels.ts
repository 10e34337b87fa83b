import { ISCED_F_TREE, type IscedField } from '$lib/course-spec/isced-f';
import { COUNTRIES, PARTICIPATION_FORMS, findConcept, labelIn } from '$lib/course-spec/vocabularies';
import type { CatalogueFacets } from './facets';
import type { CatalogueHit } from './search';
import { formSlug } from './query';
import { isCourseLanguage, languageNameIn } from '$lib/course-spec/language-names';

// Catalogue values as people read them (the EU vocabularies' labels in the reader's language where we
// have them; ISCED-F field names are English only), decided on the server
// so that the vocabularies stay out of the page's JavaScript.

const FIELDS_BY_CODE = new Map(ISCED_F_TREE.map((f) => [f.code, f]));

/** A language's name in the reader's interface language (Intl's names, as in Settings). */
export const languageLabel = (code: string) => (isCourseLanguage(code) ? languageNameIn(code) : code);
export const countryLabel = (code: string | null) => {
	const concept = code ? COUNTRIES.concepts.find((c) => c.code === code) : undefined;
	return concept ? labelIn(concept.label) : code;
};
export const formLabel = (uri: string | null) => {
	const concept = uri ? findConcept(PARTICIPATION_FORMS, uri) : undefined;
	return concept ? labelIn(concept.label) : null;
};
export const fieldLabel = (code: string | null) => (code ? (FIELDS_BY_CODE.get(code)?.label ?? null) : null);

export interface CatalogueCard extends CatalogueHit {
	countryLabel: string | null;
	languageLabels: string[];
	formLabel: string | null;
	fieldLabel: string | null;
}

export function catalogueCard(hit: CatalogueHit): CatalogueCard {
	return {
		...hit,
		countryLabel: countryLabel(hit.country),
		languageLabels: hit.languages.map(languageLabel),
		formLabel: formLabel(hit.participationForm),
		fieldLabel: fieldLabel(hit.fieldCode)
	};
}

export interface FilterOption {
	value: string;
	label: string;
	/** 0 for a broad field of study, 1 narrow, 2 detailed; 0 for everything else. */
	depth: number;
}

/** The choices of every filter, from what published courses have. */
export function filterOptions(facets: CatalogueFacets) {
	// A course's detailed field also makes its narrow and broad fields worth offering.
	const fieldCodes = new Set<string>();
	for (const code of facets.fieldCodes) for (const length of [2, 3, 4]) if (code.length >= length) fieldCodes.add(code.slice(0, length));
	const fields = [...fieldCodes]
		.sort()
		.flatMap((code) => FIELDS_BY_CODE.get(code) ?? [])
		.map((f: IscedField) => ({ value: f.code, label: f.label, depth: f.level === 'broad' ? 0 : f.level === 'narrow' ? 1 : 2 }));
	const plain = (values: string[], label: (v: string) => string): FilterOption[] =>
		values.map((value) => ({ value, label: label(value), depth: 0 })).sort((a, b) => a.label.localeCompare(b.label));
	return {
		fields,
		languages: plain(facets.languages, languageLabel),
		forms: facets.forms.flatMap((uri) => {
			const slug = formSlug(uri);
			return slug ? [{ value: slug, label: formLabel(uri) ?? slug, depth: 0 }] : [];
		}),
		providers: plain(facets.providers, (p) => p),
		topics: plain(facets.topics, (t) => t),
		eqfLevels: facets.eqfLevels
	};
}

export type FilterOptions = ReturnType<typeof filterOptions>;
