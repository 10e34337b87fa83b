import { primaryLanguage, type LangCode } from '$lib/course-spec';
import { BASE64, GENERIC_CREDENTIAL, PNG, countryConcept, languageConcept } from './concepts';
import { EDC_CONTEXT, VC_V1_CONTEXT, compact, languageConcepts, node, organisation, type Json } from './elm-parts';
import { awardingBody, buildSpecification } from './elm-specification';
import { languageMap, nameMap } from './text';
import type { ExportInput } from './types';

// An unsigned European Digital Credential template for the Europass EDC issuer, with the spec as the
// claim's specifiedBy. It uses the VCDM 1.1 context pair of the official EU samples: the EDC context
// redefines `description`, which the protected VCDM 2.0 context forbids (standards README e). The
// learner, the claim and the process are placeholders; issued/validFrom are the version's publication,
// which the issuer replaces when it seals.

const EDC_SHAPES_ID = 'http://data.europa.eu/snb/model/ap/edc-generic-full';

/** Placeholder ids (RFC 6963 `urn:example:`), recognised by the validator as "filled in when issuing". */
export const EDC_PLACEHOLDER = 'urn:example:co-course:';

export interface DisplayImage {
	lang: LangCode;
	png: Uint8Array;
}

export function buildElmCredentialTemplate(input: ExportInput, displayImages: DisplayImage[]): Json {
	const { spec, provider, urls } = input;
	const primary = primaryLanguage(spec);
	const issued = input.publishedAt.toISOString();
	const issuerCountry = countryConcept(provider.country);
	const issuer = organisation(
		urls.version,
		'issuer',
		{ legalName: nameMap(provider.name, primary), country: provider.country, website: provider.website },
		provider.legalIdentifier
			? {
					eIDASIdentifier: node(urls.version, 'issuer-legal-identifier', 'LegalIdentifier', {
						notation: provider.legalIdentifier,
						spatial: issuerCountry
					})
				}
			: {}
	);
	const placeholder = (name: string) => `${EDC_PLACEHOLDER}${name}`;
	return {
		'@context': [VC_V1_CONTEXT, EDC_CONTEXT],
		id: placeholder('credential'),
		type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
		credentialProfiles: [GENERIC_CREDENTIAL],
		credentialSchema: [{ id: EDC_SHAPES_ID, type: 'ShaclValidator2017' }],
		issuer,
		issued,
		validFrom: issued,
		credentialSubject: {
			id: placeholder('learner'),
			type: 'Person',
			hasClaim: [
				compact({
					id: placeholder('achievement'),
					type: 'LearningAchievement',
					title: languageMap(spec.title),
					awardedBy: { id: placeholder('awarding-process'), type: 'AwardingProcess', awardingBody: [awardingBody(input)] },
					specifiedBy: buildSpecification(input)
				})
			]
		},
		displayParameter: compact({
			id: placeholder('display'),
			type: 'DisplayParameter',
			title: languageMap(spec.title),
			language: languageConcepts(spec),
			primaryLanguage: languageConcept(primary),
			individualDisplay: displayImages.map(({ lang, png }) => ({
				id: placeholder(`display-${lang}`),
				type: 'IndividualDisplay',
				language: languageConcept(lang),
				displayDetail: [
					{
						id: placeholder(`display-${lang}-page-1`),
						type: 'DisplayDetail',
						page: 1,
						image: {
							id: placeholder(`display-${lang}-image`),
							type: 'MediaObject',
							content: Buffer.from(png).toString('base64'),
							contentEncoding: BASE64,
							contentType: PNG
						}
					}
				]
			}))
		})
	};
}
