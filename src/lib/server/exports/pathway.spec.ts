import { describe, expect, test } from 'vitest';
import { fullSpec, minimalSpec, multilingualSpec } from '$lib/course-spec/fixtures';
import { buildDocument, buildExport, detectFormat, validate, type ExportInput } from '.';
import { buildPathwayExport, buildPathwayOpportunity, buildPathwaySpecification, type PathwayExportInput } from './pathway';
import { sampleExportInput } from './sample-input';

// A pathway's own export (an ELM Qualification with hasPart, in a LearningOpportunity) and the
// relation in its courses' exports (ELM isPartOf and isPartialQualification, an OB 3.0 alignment),
// checked by the same shapes and schemas as every course export.

type Json = Record<string, unknown>;
const PATHWAY_URL = 'https://courses.example.org/p/sustainable-manufacturing';

function pathwayInput(parts: ExportInput[], overrides: Partial<PathwayExportInput> = {}): PathwayExportInput {
	return {
		url: PATHWAY_URL,
		title: { en: 'Sustainable manufacturing' },
		description: { en: 'Three short courses towards circular production.' },
		language: 'en',
		requirement: { kind: 'all' },
		ects: { min: 6, max: 6 },
		parts,
		provider: { name: 'Example University of Applied Sciences', country: 'FI', website: 'https://www.example.fi' },
		...overrides
	};
}

const designPart = () => sampleExportInput(fullSpec(), {}, 'circular-product-design');
const lcaPart = () => {
	const spec = multilingualSpec();
	spec.eqfLevel = 7;
	spec.nqfLevel = 'FiNQF 7';
	spec.fieldOfStudy = 'http://data.europa.eu/snb/isced-f/0712';
	return sampleExportInput(spec, { version: 1 }, 'life-cycle-assessment');
};

describe('a pathway as ELM', () => {
	test('is a Qualification with both parts in hasPart, and validates with zero violations (LOQ)', { timeout: 60_000 }, async () => {
		const document = buildPathwayOpportunity(pathwayInput([designPart(), lcaPart()]));
		const result = await validate('elmLearningOpportunity', document);
		expect(result.violations).toEqual([]);
		const qualification = document.learningAchievementSpecification as Json;
		expect(qualification).toMatchObject({ id: `${PATHWAY_URL}#qualification`, type: 'Qualification', isPartialQualification: false });
		expect((qualification.hasPart as Json[]).map((p) => [p.id, p.type])).toEqual([
			['https://courses.example.org/c/circular-product-design/v/3#qualification', 'Qualification'],
			['https://courses.example.org/c/life-cycle-assessment/v/1#qualification', 'Qualification']
		]);
		// The highest level among the parts, with that part's national level.
		expect((qualification.eqfLevel as Json).id).toBe('http://data.europa.eu/snb/eqf/7');
		expect((qualification.thematicArea as Json[]).map((t) => t.id)).toEqual([
			'http://data.europa.eu/snb/isced-f/0712',
			'http://data.europa.eu/snb/isced-f/0788'
		]);
		expect((qualification.learningOutcome as Json[]).length).toBe(6);
		expect(((qualification.additionalNote as Json[])[0].noteLiteral as Json).en).toBe('Completed by completing all 2 parts (6 ECTS).');
	});

	test('"N of M" says so, with the range of credits', () => {
		const input = pathwayInput([designPart(), lcaPart(), designPart()], { requirement: { kind: 'some', count: 2 }, ects: { min: 6, max: 8.5 } });
		const note = ((buildPathwaySpecification(input, { parts: false }).additionalNote as Json[])[0].noteLiteral as Json).en;
		expect(note).toBe('Completed by completing any 2 of its 3 parts (6–8.5 ECTS, depending on the parts chosen).');
	});

	test('is a LearningAchievementSpecification when a part has no national level, and still validates', { timeout: 60_000 }, async () => {
		const document = buildPathwayOpportunity(pathwayInput([designPart(), sampleExportInput(minimalSpec(), {}, 'minimal-course')]));
		expect((document.learningAchievementSpecification as Json).type).toBe('LearningAchievementSpecification');
		expect((await validate('elmLearningOpportunity', document)).violations).toEqual([]);
	});

	test('a broken pathway export is caught: no learning outcomes, no level', { timeout: 60_000 }, async () => {
		const document = buildPathwayOpportunity(pathwayInput([designPart(), lcaPart()]));
		const qualification = document.learningAchievementSpecification as Json;
		delete qualification.learningOutcome;
		delete qualification.eqfLevel;
		const result = await validate('elmLearningOpportunity', document);
		expect(result.ok).toBe(false);
		expect(result.violations.map((v) => v.path)).toEqual(
			expect.arrayContaining(['http://data.europa.eu/snb/model/elm/learningOutcome', 'http://data.europa.eu/snb/model/elm/EQFLevel'])
		);
	});

	test('is the same bytes twice, as an ld+json file named after the pathway', () => {
		const first = buildPathwayExport(pathwayInput([designPart(), lcaPart()]));
		expect(buildPathwayExport(pathwayInput([designPart(), lcaPart()])).body).toBe(first.body);
		expect(first.contentType).toBe('application/ld+json');
		expect(first.filename).toBe('sustainable-manufacturing.pathway.elm-learning-opportunity.jsonld');
		// So `npm run validate:exports` checks a downloaded pathway without --format.
		expect(detectFormat(JSON.parse(first.body))).toBe('elmLearningOpportunity');
	});
});

describe('a course that is part of a pathway', () => {
	const pathway = pathwayInput([designPart(), lcaPart()]);
	const input = sampleExportInput(fullSpec(), {
		partOf: {
			pathways: [{ title: pathway.title, url: PATHWAY_URL, reference: buildPathwaySpecification(pathway, { parts: false }) }]
		}
	});

	test('says isPartOf the pathway and isPartialQualification in ELM; both ELM exports validate', { timeout: 60_000 }, async () => {
		const opportunity = buildDocument('elmLearningOpportunity', input) as Json;
		const specification = opportunity.learningAchievementSpecification as Json;
		expect(specification.isPartialQualification).toBe(true);
		expect((specification.isPartOf as Json[]).map((p) => [p.id, p.type])).toEqual([[`${PATHWAY_URL}#qualification`, 'Qualification']]);
		for (const format of ['elmLearningOpportunity', 'elmCredentialTemplate'] as const) {
			const result = await validate(format, JSON.parse(buildExport(format, input).body));
			expect(result.violations, format).toEqual([]);
		}
	});

	test('is aligned to the pathway as a larger credential in OB 3.0, and validates', async () => {
		const achievement = buildDocument('ob3Achievement', input) as Json;
		expect(achievement.alignment).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ targetUrl: PATHWAY_URL, targetName: 'Sustainable manufacturing', targetType: 'ceterms:Credential' })
			])
		);
		expect((await validate('ob3Achievement', achievement)).violations).toEqual([]);
	});

	test('a reference the shapes refuse is caught', { timeout: 60_000 }, async () => {
		const opportunity = buildDocument('elmLearningOpportunity', input) as Json;
		const reference = ((opportunity.learningAchievementSpecification as Json).isPartOf as Json[])[0];
		delete reference.title;
		const result = await validate('elmLearningOpportunity', opportunity);
		expect(result.violations.some((v) => v.path === 'http://purl.org/dc/terms/title')).toBe(true);
	});

	test('a course without levels names no Qualification-only relation', () => {
		const minimal = sampleExportInput(minimalSpec(), { partOf: input.partOf }, 'minimal-course');
		const specification = (buildDocument('elmLearningOpportunity', minimal) as Json).learningAchievementSpecification as Json;
		expect(specification.type).toBe('LearningAchievementSpecification');
		expect(specification.isPartialQualification).toBeUndefined();
	});
});
