import { primaryLanguage, safeHref, type LangCode } from '$lib/course-spec';
import { badgeAlt, badgeContent } from './badge-image';
import { eqfConcept, iscedConcept, nqfConcept } from './concepts';
import { assessmentTypeLabel, learningSettingLabel, participationLabel } from './labels';
import { criteriaNarrative } from './narrative';
import { nameIn, pick, pickRich, specLanguages } from './text';
import type { ExportInput } from './types';
import { fragment, languageEdition } from './urls';

// Open Badges 3.0 Achievement (achievementType MicroCredential) following the mapping table in
// standards/README.md: what OB 3.0 has no field for goes into criteria.narrative and alignments.
// One achievement per language; the editions point at each other through `related`.

const OB3_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
const OB3_SCHEMA_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

type Json = Record<string, unknown>;

/** The id of the achievement in one language: the export URL, with `?lang=` for the other editions. */
export function achievementId(input: ExportInput, lang: LangCode): string {
	const url = input.urls.exports.ob3Achievement;
	return lang === primaryLanguage(input.spec) ? url : languageEdition(url, lang);
}

/** The awarding body as an OB 3.0 Profile: the spec's own awarding body, the provider where it is silent. */
export function awardingProfile(input: ExportInput, lang: LangCode): Json {
	const { spec, provider } = input;
	const primary = primaryLanguage(spec);
	const name = pick(spec.awardingBody.name, lang, primary) || nameIn(provider.name, lang, primary);
	const website = safeHref(spec.awardingBody.website) ?? safeHref(provider.website);
	const country = spec.awardingBody.country ?? provider.country;
	return {
		id: website ?? fragment(input.urls.version, 'awarding-body'),
		type: ['Profile'],
		name,
		url: website ?? undefined,
		address: country ? { type: ['Address'], addressCountryCode: country.toUpperCase() } : undefined
	};
}

export function buildAchievement(input: ExportInput, lang: LangCode = primaryLanguage(input.spec)): Json {
	const { spec } = input;
	const primary = primaryLanguage(spec);
	const id = achievementId(input, lang);
	const name = pick(spec.title, lang, primary);
	const description = pickRich(spec.summary, lang, primary) || pick(spec.furtherInformation, lang, primary) || name;
	const field = iscedConcept(spec.fieldOfStudy);
	const grading = pick(spec.gradingScheme, lang, primary);
	return {
		id,
		type: ['Achievement'],
		achievementType: 'MicroCredential',
		name,
		description,
		criteria: { id: input.urls.version, narrative: criteriaNarrative(spec, lang, primary, input.partOf?.pathways ?? []) },
		image: { id: input.urls.badgeImage, type: 'Image', caption: badgeAlt(badgeContent(input, lang)) },
		creator: awardingProfile(input, lang),
		creditsAvailable: spec.ectsCredits ?? undefined,
		fieldOfStudy: field?.prefLabel.en,
		humanCode: spec.code ?? undefined,
		otherIdentifier: spec.code ? [{ type: 'IdentifierEntry', identifier: spec.code, identifierType: 'identifier' }] : undefined,
		inLanguage: lang,
		tag: spec.topics.length ? [...spec.topics] : undefined,
		alignment: alignments(input),
		resultDescription: grading
			? [{ id: fragment(id, 'result'), type: ['ResultDescription'], name: grading, resultType: 'Result' }]
			: undefined,
		endorsement: endorsements(input, id),
		related: related(input, lang),
		version: String(input.version)
	};
}

function alignments(input: ExportInput): Json[] | undefined {
	const { spec } = input;
	const list: Json[] = [];
	const alignment = (targetName: string, targetUrl: string, targetFramework: string, extra: Json = {}) =>
		list.push({ type: ['Alignment'], targetName, targetUrl, targetFramework, ...extra });
	if (typeof spec.eqfLevel === 'number') {
		alignment(`EQF level ${spec.eqfLevel}`, eqfConcept(spec.eqfLevel)!.id, 'European Qualifications Framework', {
			targetCode: String(spec.eqfLevel)
		});
	}
	const nqf = nqfConcept(spec.nqfLevel);
	if (nqf) alignment(nqf.prefLabel.en, nqf.id, 'Qualifications Dataset Register (national frameworks)');
	const field = iscedConcept(spec.fieldOfStudy);
	if (field) alignment(field.prefLabel.en, field.id, 'ISCED-F 2013', { targetCode: field.code });
	const participation = participationLabel(spec.participationForm);
	if (participation && spec.participationForm) {
		alignment(participation, spec.participationForm, 'EU mode of learning and assessment', { targetType: 'ext:FormOfParticipation' });
	}
	const setting = learningSettingLabel(spec.learningSetting);
	if (setting && spec.learningSetting) alignment(setting, spec.learningSetting, 'EU learning setting', { targetType: 'ext:LearningSetting' });
	const types = [...new Set(spec.assessments.map((a) => a.type).filter((t): t is string => !!assessmentTypeLabel(t)))];
	for (const type of types) alignment(assessmentTypeLabel(type)!, type, 'EU assessment types', { targetType: 'ext:AssessmentType' });
	const primary = primaryLanguage(spec);
	const partOfUrl = spec.stackability.mode === 'stackable' ? safeHref(spec.stackability.partOfUrl) : null;
	if (partOfUrl) {
		alignment(pick(spec.stackability.partOf, primary, primary) || partOfUrl, partOfUrl, 'Larger credential', {
			targetType: 'ceterms:Credential'
		});
	}
	for (const pathway of input.partOf?.pathways ?? []) {
		const url = safeHref(pathway.url);
		if (url) alignment(pick(pathway.title, primary, primary) || url, url, 'Learning pathway', { targetType: 'ceterms:Credential' });
	}
	return list.length ? list : undefined;
}

/**
 * Company partners who co-wrote the spec, as endorsements of the achievement (the mapping's answer
 * to OB 3.0 having one creator). They are unsigned: the partner signs before an issuer keeps them.
 */
function endorsements(input: ExportInput, achievement: string): Json[] | undefined {
	const seen = new Set<string>();
	const list: Json[] = [];
	for (const author of input.coAuthors ?? []) {
		const organisation = author.organisation?.trim();
		if (author.perspective !== 'company_partner' || !organisation || seen.has(organisation)) continue;
		seen.add(organisation);
		const n = list.length + 1;
		list.push({
			'@context': OB3_CONTEXT,
			id: fragment(achievement, `endorsement-${n}`),
			type: ['VerifiableCredential', 'EndorsementCredential'],
			name: `${organisation} co-authored this micro-credential`,
			issuer: { id: safeHref(author.organisationUrl) ?? fragment(achievement, `partner-${n}`), type: ['Profile'], name: organisation },
			validFrom: input.publishedAt.toISOString(),
			credentialSubject: {
				id: achievement,
				type: ['EndorsementSubject'],
				endorsementComment: 'Co-authored the specification of this micro-credential as a company partner.'
			}
		});
	}
	return list.length ? list : undefined;
}

function related(input: ExportInput, lang: LangCode): Json[] | undefined {
	const others = specLanguages(input.spec).filter((l) => l !== lang);
	return others.length
		? others.map((other) => ({ id: achievementId(input, other), type: ['Related'], inLanguage: other, version: String(input.version) }))
		: undefined;
}

/** An unsigned OpenBadgeCredential around the achievement, with placeholders an issuer replaces. */
export function buildOb3CredentialTemplate(input: ExportInput, lang: LangCode = primaryLanguage(input.spec)): Json {
	const achievement = buildAchievement(input, lang);
	return {
		'@context': OB3_CONTEXT,
		id: PLACEHOLDERS.credential,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: achievement.name,
		description: achievement.description,
		issuer: achievement.creator,
		validFrom: input.publishedAt.toISOString(),
		credentialSubject: { id: PLACEHOLDERS.learner, type: ['AchievementSubject'], achievement },
		credentialSchema: [{ id: OB3_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }]
	};
}

/**
 * Values an issuer replaces when issuing. `urn:example:` (RFC 6963) can never name a real credential
 * or person, so the validator can tell a template's placeholders from real values.
 */
export const PLACEHOLDERS = {
	credential: 'urn:example:co-course:credential',
	learner: 'urn:example:co-course:learner'
} as const;
