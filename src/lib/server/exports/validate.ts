import { parseSpec } from '$lib/course-spec';
import { EDC_PLACEHOLDER } from './elm-credential';
import { fieldForViolation } from './field-map';
import { toQuads } from './json-ld';
import { validateJsonSchema } from './json-schema';
import { PLACEHOLDERS } from './ob3';
import { validateShacl } from './shacl';
import type { ExportFormat } from './types';
import type { ValidationResult, Violation } from './validation-types';

// validate(format, document): the checks an issuer or catalogue would run, done before we publish.
// OB 3.0 against the 1EdTech JSON Schema; ELM as RDF against the official SHACL shapes (LOQ for the
// learning opportunity, EDC for the credential template, which also meets the EBSI JSON Schema); the
// spec JSON against its own schema. Each violation names the spec field to fix where one is to blame.

type Json = Record<string, unknown>;

export async function validate(format: ExportFormat, document: unknown): Promise<ValidationResult> {
	const { violations, warnings } = await check(format, document);
	const withField = (v: Violation): Violation => {
		const field = v.field ?? fieldForViolation(format, v, document);
		return field ? { ...v, field } : v;
	};
	return { ok: violations.length === 0, violations: violations.map(withField), warnings: warnings.map(withField) };
}

async function check(format: ExportFormat, document: unknown): Promise<{ violations: Violation[]; warnings: Violation[] }> {
	if (!document || typeof document !== 'object' || Array.isArray(document)) {
		return { violations: [{ rule: 'document', message: 'The document is not a JSON object.' }], warnings: [] };
	}
	const doc = document as Json;
	switch (format) {
		case 'ob3Achievement':
			return { violations: validateJsonSchema('ob3Achievement', doc), warnings: ob3Warnings(doc) };
		case 'ob3CredentialTemplate': {
			const subject = doc.credentialSubject as Json | undefined;
			const achievement = (subject?.achievement ?? {}) as Json;
			const warnings = ob3Warnings(achievement);
			if (doc.id === PLACEHOLDERS.credential || subject?.id === PLACEHOLDERS.learner) {
				warnings.push(placeholderWarning('the credential id and the learner (credentialSubject.id)'));
			}
			return { violations: validateJsonSchema('ob3Credential', doc), warnings };
		}
		case 'elmLearningOpportunity':
			return elmCheck('loq', doc, specificationWarnings((doc.learningAchievementSpecification ?? {}) as Json));
		case 'elmCredentialTemplate':
			return edcCheck(doc);
		case 'spec': {
			const parsed = parseSpec(doc);
			return {
				violations: parsed.ok ? [] : parsed.issues.map((i) => ({ rule: 'spec:schema', path: i.path, message: i.message })),
				warnings: []
			};
		}
	}
}

async function elmCheck(set: 'loq' | 'edc', doc: Json, warnings: Violation[]) {
	const rdf = await toQuads(doc);
	if (rdf.quads.length === 0) return { violations: rdf.violations, warnings };
	const shacl = await validateShacl(set, rdf.quads);
	return { violations: [...rdf.violations, ...shacl.violations], warnings: [...warnings, ...shacl.warnings] };
}

/** The rule the official unsigned EU sample fails too: the issuer's legal identifier is added when sealing. */
const ISSUER_NODE_RULE = 'http://data.europa.eu/snb/model/ap/edc-generic-no-cv/IssuerNodeShape';

async function edcCheck(doc: Json) {
	const subject = doc.credentialSubject as Json | undefined;
	const claims = (Array.isArray(subject?.hasClaim) ? subject.hasClaim : [subject?.hasClaim]) as (Json | undefined)[];
	const warnings = claims.flatMap((claim) => specificationWarnings((claim?.specifiedBy ?? {}) as Json));
	const shacl = await elmCheck('edc', doc, warnings);
	const violations: Violation[] = [];
	for (const violation of shacl.violations) {
		if (violation.rule === 'shacl:NodeConstraintComponent' && violation.message.includes(ISSUER_NODE_RULE)) {
			shacl.warnings.push({
				...violation,
				message: 'The issuer has no eIDAS legal identifier yet: the EDC issuer adds it when it seals the credential (add it to the provider profile to include it).'
			});
		} else violations.push(violation);
	}
	violations.push(...validateJsonSchema('edcTemplate', doc));
	shacl.warnings.push({
		rule: 'ebsi:envelope',
		message: 'Checked against the EBSI EDC schema without its VCDM 2.0 envelope (credentials/v2 context, VerifiableAttestation type): the template follows the VCDM 1.1 EDC of the EU samples, which the Europass EDC issuer reads.'
	});
	if (typeof doc.id === 'string' && doc.id.startsWith(EDC_PLACEHOLDER)) {
		shacl.warnings.push(placeholderWarning('the credential id, the learner, the claim and its awarding process'));
	}
	return { violations, warnings: shacl.warnings };
}

function ob3Warnings(achievement: Json): Violation[] {
	const warnings: Violation[] = [];
	if (Array.isArray(achievement.endorsement) && achievement.endorsement.length > 0) {
		warnings.push({
			rule: 'ob3:unsigned-endorsement',
			path: '/endorsement',
			message: 'Partner endorsements are unsigned: each partner signs its endorsement before an issuer keeps it, or the issuer removes it.'
		});
	}
	return warnings;
}

function specificationWarnings(specification: Json): Violation[] {
	if (specification.type !== 'LearningAchievementSpecification') return [];
	return [
		{
			rule: 'elm:not-a-qualification',
			focusNode: typeof specification.id === 'string' ? specification.id : undefined,
			message:
				'Exported as a LearningAchievementSpecification, not a Qualification: ELM catalogues need an EQF level and a national level from the QDR register (e.g. "FiNQF Level 6") to list a qualification.'
		}
	];
}

const placeholderWarning = (what: string): Violation => ({
	rule: 'template:placeholder',
	message: `This is a template: ${what} are placeholders (urn:example:…) that the issuer replaces when issuing.`
});
