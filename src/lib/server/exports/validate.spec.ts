import { describe, expect, test } from 'vitest';
import { fullSpec, minimalSpec } from '$lib/course-spec/fixtures';
import type { CourseSpec } from '$lib/course-spec';
import { buildDocument, explainViolations, validate, type ExportFormat } from '.';
import { sampleExportInput } from './sample-input';

// Validation that cannot fail is no validation: for each validator, a broken export is caught, and
// the failure is traced back to the spec field a coordinator must fix.

type Json = Record<string, any>;

const built = (format: ExportFormat, spec: CourseSpec = fullSpec()) =>
	structuredClone(buildDocument(format, sampleExportInput(spec))) as Json;

describe('OB 3.0 (1EdTech JSON Schema)', () => {
	test('an achievement without criteria or name is rejected and points at the fields', async () => {
		const doc = built('ob3Achievement');
		delete doc.criteria;
		doc.name = 42;
		const result = await validate('ob3Achievement', doc);
		expect(result.ok).toBe(false);
		expect(result.violations).toContainEqual(expect.objectContaining({ rule: 'ob3:required', path: '/criteria', field: { key: 'learningOutcomes' } }));
		expect(result.violations).toContainEqual(expect.objectContaining({ rule: 'ob3:type', path: '/name', field: { key: 'title' } }));
	});

	test('a bad language tag and a malformed alignment are rejected', async () => {
		const doc = built('ob3Achievement');
		doc.inLanguage = 'Finnish';
		delete doc.alignment[0].targetUrl;
		const { violations } = await validate('ob3Achievement', doc);
		expect(violations.map((v) => [v.path, v.field?.key])).toEqual(
			expect.arrayContaining([
				['/alignment/0/targetUrl', 'eqfLevel'],
				['/inLanguage', 'languages']
			])
		);
	});

	test('a credential template without validFrom and with a wrong context is rejected', async () => {
		const doc = built('ob3CredentialTemplate');
		delete doc.validFrom;
		doc['@context'] = ['https://www.w3.org/2018/credentials/v1'];
		const { violations } = await validate('ob3CredentialTemplate', doc);
		expect(violations.map((v) => v.path)).toEqual(expect.arrayContaining(['/validFrom', '/@context']));
	});
});

describe('ELM learning opportunity (LOQ SHACL shapes)', () => {
	test('a missing awarding body country is named as such', async () => {
		const spec = fullSpec();
		spec.awardingBody.country = null;
		const result = await validate('elmLearningOpportunity', built('elmLearningOpportunity', spec));
		expect(result.ok).toBe(false);
		const explained = explainViolations(result.violations, spec);
		expect(explained).toContainEqual(
			expect.objectContaining({ where: 'Country', field: { key: 'awardingBodyCountry' }, message: 'Awarding body country missing: choose the country.' })
		);
	});

	test('an outcome without text is traced to that outcome', async () => {
		const spec = fullSpec();
		spec.learningOutcomes[1].text = {};
		const result = await validate('elmLearningOpportunity', built('elmLearningOpportunity', spec));
		const explained = explainViolations(result.violations, spec);
		expect(explained).toContainEqual(
			expect.objectContaining({ where: 'LO2', field: { key: 'outcomeText', itemId: spec.learningOutcomes[1].id }, message: 'This outcome needs text.' })
		);
	});

	test('a qualification without a field of study, and a learning opportunity without any outcome, fail', async () => {
		const spec = fullSpec();
		spec.fieldOfStudy = null;
		spec.learningOutcomes = [];
		const explained = explainViolations((await validate('elmLearningOpportunity', built('elmLearningOpportunity', spec))).violations, spec);
		expect(explained.map((e) => [e.field?.key, e.message])).toEqual(
			expect.arrayContaining([
				['fieldOfStudy', 'Choose the ISCED-F field of study (ELM requires one).'],
				['learningOutcomes', 'At least one outcome needs text.']
			])
		);
	});

	test('a property the closed LOQ shape does not list is a violation', async () => {
		const doc = built('elmLearningOpportunity');
		doc.learningAchievementSpecification.maximumDuration = undefined;
		doc.learningAchievementSpecification.hasPart = [{ id: 'urn:example:part', type: 'Qualification' }];
		doc.learningAchievementSpecification.learningOutcome[0].contactHour = '3';
		const { violations } = await validate('elmLearningOpportunity', doc);
		expect(violations.some((v) => v.rule === 'shacl:ClosedConstraintComponent')).toBe(true);
	});

	test('keys no context defines, and contexts it does not know, are refused instead of dropped or fetched', async () => {
		const doc = built('elmLearningOpportunity');
		doc.colour = '#ff0000';
		const dropped = await validate('elmLearningOpportunity', doc);
		expect(dropped.violations).toContainEqual(expect.objectContaining({ rule: 'jsonld:invalid-property', path: 'colour' }));

		const foreign = built('elmLearningOpportunity');
		foreign['@context'] = ['https://example.org/context.jsonld'];
		const refused = await validate('elmLearningOpportunity', foreign);
		expect(refused.violations).toEqual([expect.objectContaining({ rule: 'jsonld:invalid', message: expect.stringContaining('not fetched') })]);
	});

	test('the minimal spec is listed with a warning that it is not a qualification', async () => {
		const { ok, warnings } = await validate('elmLearningOpportunity', built('elmLearningOpportunity', minimalSpec()));
		expect(ok).toBe(true);
		expect(warnings).toContainEqual(expect.objectContaining({ rule: 'elm:not-a-qualification', field: { key: 'nqfLevel' } }));
	});
});

describe('EDC credential template (EDC SHACL shapes and EBSI JSON Schema)', () => {
	test('a template without its display is rejected by both', async () => {
		const doc = built('elmCredentialTemplate');
		delete doc.displayParameter;
		const { violations } = await validate('elmCredentialTemplate', doc);
		expect(violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['shacl:MinCountConstraintComponent', 'ebsi:required']));
	});

	test('the EBSI schema catches what the open EDC shapes allow', async () => {
		const doc = built('elmCredentialTemplate');
		doc.credentialSubject.hasClaim[0].specifiedBy.provenBy[0].dcType = [doc.credentialSubject.hasClaim[0].specifiedBy.provenBy[0].dcType];
		const { violations } = await validate('elmCredentialTemplate', doc);
		expect(violations).toEqual([expect.objectContaining({ rule: 'ebsi:type', path: '/credentialSubject/hasClaim/0/specifiedBy/provenBy/0/dcType' })]);
	});

	test('a concept from the wrong scheme is a violation of the controlled-vocabulary shapes', async () => {
		const doc = built('elmCredentialTemplate');
		doc.credentialSubject.hasClaim[0].specifiedBy.eqfLevel.inScheme.id = 'http://data.europa.eu/snb/isced-f/25831c2';
		const { violations } = await validate('elmCredentialTemplate', doc);
		expect(violations).toContainEqual(expect.objectContaining({ rule: 'shacl:NodeConstraintComponent', field: { key: 'eqfLevel' } }));
	});

	test('what the EDC issuer fills in when sealing is a warning, not a violation', async () => {
		const { ok, warnings } = await validate('elmCredentialTemplate', built('elmCredentialTemplate'));
		expect(ok).toBe(true);
		expect(warnings.map((w) => w.rule)).toEqual(['shacl:NodeConstraintComponent', 'ebsi:envelope', 'template:placeholder']);
	});

	test('with the provider’s eIDAS identifier the issuer shape passes outright', async () => {
		const input = sampleExportInput(fullSpec(), {
			provider: { name: 'Example UAS', country: 'FI', website: 'https://www.example.fi', legalIdentifier: 'FI1234567-8' }
		});
		const { ok, warnings } = await validate('elmCredentialTemplate', buildDocument('elmCredentialTemplate', input));
		expect(ok).toBe(true);
		expect(warnings.map((w) => w.rule)).not.toContain('shacl:NodeConstraintComponent');
	});
});

describe('spec JSON', () => {
	test('an out-of-range value is traced to its field and item', async () => {
		const spec = fullSpec() as Json;
		spec.ectsCredits = -1;
		spec.modules[1].hours = 'many';
		const { violations } = await validate('spec', spec);
		expect(violations.map((v) => v.field)).toEqual(
			expect.arrayContaining([{ key: 'ectsCredits' }, { key: 'moduleHours', itemId: spec.modules[1].id }])
		);
	});

	test('something that is not an object is rejected', async () => {
		expect((await validate('spec', 'hello')).ok).toBe(false);
	});
});
