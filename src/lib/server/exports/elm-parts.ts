import { safeHref, type CourseSpec, type LangString } from '$lib/course-spec';
import { countryConcept, languageConcept, type ConceptNode } from './concepts';
import { languageMap } from './text';
import { fragment } from './urls';

// Building blocks shared by the ELM exports. Every node gets an id (fragments of the version page,
// so a node is the same resource in every export of the version) and a type, as the shapes expect.

export type Json = Record<string, unknown>;

export const EDC_CONTEXT = 'http://data.europa.eu/snb/model/context/edc-ap';
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';

export const node = (base: string, name: string, type: string, properties: Json): Json => ({
	id: fragment(base, name),
	type,
	...properties
});

export function webResource(base: string, name: string, url: string, title?: LangString): Json {
	return node(base, name, 'WebResource', { contentURL: url, title: title && languageMap(title) });
}

export function note(base: string, name: string, text: LangString | undefined, subject?: ConceptNode): Json | undefined {
	return text ? node(base, name, 'Note', { noteLiteral: text, subject }) : undefined;
}

/**
 * An ELM Organisation. The shapes require a legal name and a location whose address has a country;
 * a missing country is left out rather than guessed, so validation names the field to fill in.
 */
export function organisation(
	base: string,
	name: string,
	org: { legalName: LangString | undefined; country: string | null | undefined; website: string | null | undefined },
	extra: Json = {}
): Json {
	const country = countryConcept(org.country);
	const website = safeHref(org.website);
	return node(base, name, 'Organisation', {
		legalName: org.legalName,
		location: [
			node(base, `${name}-location`, 'Location', {
				address: [node(base, `${name}-address`, 'Address', { countryCode: country })]
			})
		],
		homepage: website ? [webResource(base, `${name}-homepage`, website)] : undefined,
		...extra
	});
}

export const languageConcepts = (spec: CourseSpec): ConceptNode[] =>
	[...new Set(spec.languages)].map(languageConcept).filter((c): c is ConceptNode => c !== undefined);

/** Drops undefined members and empty arrays, so optional ELM properties are absent rather than empty. */
export function compact<T extends Json>(value: T): T {
	const result: Json = {};
	for (const [key, member] of Object.entries(value)) {
		const kept = Array.isArray(member) ? member.filter((m) => m !== undefined) : member;
		if (kept === undefined || (Array.isArray(kept) && kept.length === 0)) continue;
		result[key] = kept;
	}
	return result as T;
}
