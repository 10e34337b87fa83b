import { PARTICIPATION_FORMS, primaryLanguage } from '$lib/course-spec';
import { SHORT_LEARNING_PROGRAMME, languageConcept, vocabularyConcept } from './concepts';
import { EDC_CONTEXT, compact, organisation, webResource, type Json } from './elm-parts';
import { buildSpecification } from './elm-specification';
import { languageMap, nameMap, richLanguageMap } from './text';
import type { ExportInput } from './types';
import { fragment } from './urls';

// ELM v3 LearningOpportunity wrapping the specification: the LOQ profile Europass catalogues (QDR)
// import. `defaultLanguage` has no term in the EDC context, so the export defines it inline.

// The EDC context leaves `id` and `type` to the credentials context, which a catalogue entry does not
// load, so they are aliased here too.
export const LOQ_CONTEXT = [EDC_CONTEXT, { id: '@id', type: '@type', defaultLanguage: { '@id': 'elm:defaultLanguage', '@type': '@id' } }];

export function buildLearningOpportunity(input: ExportInput): Json {
	const { spec, provider, urls } = input;
	const base = urls.version;
	const primary = primaryLanguage(spec);
	return compact({
		'@context': LOQ_CONTEXT,
		id: fragment(base, 'learning-opportunity'),
		type: 'LearningOpportunity',
		title: languageMap(spec.title),
		description: richLanguageMap(spec.summary),
		dcType: [SHORT_LEARNING_PROGRAMME],
		homepage: [webResource(base, 'homepage', urls.version)],
		providedBy: [
			organisation(base, 'provider', { legalName: nameMap(provider.name, primary), country: provider.country, website: provider.website })
		],
		defaultLanguage: languageConcept(primary),
		mode: [vocabularyConcept(PARTICIPATION_FORMS, spec.participationForm)],
		learningAchievementSpecification: buildSpecification(input)
	});
}
