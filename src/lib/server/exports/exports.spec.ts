import { describe, expect, test } from 'vitest';
import { fullSpec, minimalSpec, multilingualSpec } from '$lib/course-spec/fixtures';
import { EXPORT_FORMATS, buildDocument, buildExport, exportLanguages, validate } from '.';
import { sampleExportInput } from './sample-input';

// Every export of every fixture must pass the official checks with zero violations; the documents
// must be the same bytes on every build, with keys in canonical order.

const FIXTURES = { full: fullSpec, minimal: minimalSpec, multilingual: multilingualSpec };

type Json = Record<string, unknown>;

function keysSorted(value: unknown): boolean {
	if (Array.isArray(value)) return value.every(keysSorted);
	if (!value || typeof value !== 'object') return true;
	const keys = Object.keys(value);
	return keys.every((k, i) => i === 0 || keys[i - 1] < k) && Object.values(value).every(keysSorted);
}

describe.each(Object.entries(FIXTURES))('%s spec', (_name, fixture) => {
	const input = sampleExportInput(fixture());

	test.each(EXPORT_FORMATS)('%s validates with zero violations in every language edition', { timeout: 60_000 }, async (format) => {
		for (const lang of exportLanguages(format, input)) {
			const result = await validate(format, JSON.parse(buildExport(format, input, { lang }).body));
			expect(result.violations, `${format} (${lang})`).toEqual([]);
			expect(result.ok).toBe(true);
		}
	});

	test.each(EXPORT_FORMATS)('%s is the same bytes twice, keys in canonical order', (format) => {
		const first = buildExport(format, input);
		const second = buildExport(format, sampleExportInput(fixture()));
		expect(second.body).toBe(first.body);
		expect(keysSorted(JSON.parse(first.body))).toBe(true);
		expect(first.body.endsWith('}\n')).toBe(true);
	});
});

describe('multilingual exports', () => {
	const input = sampleExportInput(multilingualSpec());

	test('ELM language maps carry Finnish, Swedish and English', () => {
		const opportunity = buildDocument('elmLearningOpportunity', input) as Json;
		const specification = opportunity.learningAchievementSpecification as Json;
		for (const map of [
			opportunity.title,
			specification.title,
			specification.description,
			(specification.learningOutcome as Json[])[0].title,
			(specification.provenBy as Json[])[0].title,
			(specification.entryRequirement as Json).noteLiteral
		]) {
			expect(Object.keys(map as Json).sort()).toEqual(['en', 'fi', 'sv']);
		}
		expect((specification.language as Json[]).map((l) => l.id)).toEqual([
			'http://publications.europa.eu/resource/authority/language/FIN',
			'http://publications.europa.eu/resource/authority/language/SWE',
			'http://publications.europa.eu/resource/authority/language/ENG'
		]);
		expect((opportunity.defaultLanguage as Json).id).toBe('http://publications.europa.eu/resource/authority/language/FIN');
	});

	test('OB 3.0 has one achievement per language, linked through related', () => {
		const editions = exportLanguages('ob3Achievement', input).map((lang) => buildDocument('ob3Achievement', input, { lang }) as Json);
		expect(editions.map((e) => e.inLanguage)).toEqual(['fi', 'sv', 'en']);
		expect(editions.map((e) => e.name)).toEqual(['Kiertotalouden tuotesuunnittelu', 'Cirkulär produktdesign', 'Circular Product Design']);
		const ids = editions.map((e) => e.id);
		expect(ids[0]).toBe(input.urls.exports.ob3Achievement);
		expect(ids[1]).toBe(`${input.urls.exports.ob3Achievement}?lang=sv`);
		for (const edition of editions) {
			const related = (edition.related as Json[]).map((r) => [r.id, r.inLanguage]);
			expect(related).toEqual(editions.filter((e) => e !== edition).map((e) => [e.id, e.inLanguage]));
		}
		expect(buildExport('ob3Achievement', input, { lang: 'sv' }).filename).toBe('circular-product-design-v3.sv.ob3-achievement.json');
	});

	test('the EDC template has a display per language, each with its badge', () => {
		const template = buildDocument('elmCredentialTemplate', input) as Json;
		const displays = (template.displayParameter as Json).individualDisplay as Json[];
		expect(displays.map((d) => (d.language as Json).id)).toEqual([
			'http://publications.europa.eu/resource/authority/language/FIN',
			'http://publications.europa.eu/resource/authority/language/SWE',
			'http://publications.europa.eu/resource/authority/language/ENG'
		]);
		const images = displays.map((d) => (((d.displayDetail as Json[])[0].image as Json).content as string));
		expect(new Set(images).size).toBe(3);
		expect(Buffer.from(images[0], 'base64').subarray(1, 4).toString()).toBe('PNG');
	});
});

describe('mapping', () => {
	const input = sampleExportInput(fullSpec());
	const achievement = buildDocument('ob3Achievement', input) as Json;

	test('OB 3.0 carries the EU elements the mapping table names', () => {
		expect(achievement.achievementType).toBe('MicroCredential');
		expect(achievement.creditsAvailable).toBe(3);
		expect(achievement.fieldOfStudy).toBe('Inter-disciplinary programmes and qualifications involving engineering, manufacturing and construction');
		const narrative = (achievement.criteria as Json).narrative as string;
		expect(narrative).toContain('1. Apply circular-design principles to an existing product.');
		expect(narrative).toContain('- Workload: 81 hours, 3 ECTS credits');
		expect(narrative).toContain('- Level: EQF level 6; national level FiNQF Level 6');
		const alignments = (achievement.alignment as Json[]).map((a) => [a.targetFramework, a.targetUrl]);
		expect(alignments).toContainEqual(['European Qualifications Framework', 'http://data.europa.eu/snb/eqf/6']);
		expect(alignments).toContainEqual(['ISCED-F 2013', 'http://data.europa.eu/snb/isced-f/0788']);
		expect(alignments).toContainEqual(['EU mode of learning and assessment', 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe']);
		expect(alignments).toContainEqual(['Larger credential', 'https://www.example.fi/sustainable-design']);
		expect((achievement.creator as Json).address).toEqual({ type: ['Address'], addressCountryCode: 'FI' });
	});

	test('company partners endorse; other co-authors and people are not named', () => {
		const endorsements = achievement.endorsement as Json[];
		expect(endorsements).toHaveLength(1);
		expect((endorsements[0].issuer as Json).name).toBe('Kierto Oy');
		expect((endorsements[0].credentialSubject as Json).id).toBe(achievement.id);
	});

	test('user text cannot inject Markdown links into the narrative', () => {
		const spec = fullSpec();
		spec.learningOutcomes[0].text.en = 'Click [here](javascript:alert(1)) <img src=x>';
		const narrative = ((buildDocument('ob3Achievement', sampleExportInput(spec)) as Json).criteria as Json).narrative as string;
		expect(narrative).toContain('Click \\[here\\](javascript:alert(1)) \\<img src=x\\>');
	});

	test('with EQF and a national level from the register the ELM specification is a Qualification; without, a LearningAchievementSpecification', () => {
		const qualification = (buildDocument('elmLearningOpportunity', input) as Json).learningAchievementSpecification as Json;
		expect(qualification.type).toBe('Qualification');
		expect((qualification.nqfLevel as Json[])[0].id).toBe('http://data.europa.eu/snb/qdr/c_8a7da315');
		expect(qualification.volumeOfLearning).toBe('PT81H');
		const minimal = (buildDocument('elmLearningOpportunity', sampleExportInput(minimalSpec())) as Json)
			.learningAchievementSpecification as Json;
		expect(minimal.type).toBe('LearningAchievementSpecification');
		expect(minimal.nqfLevel).toBeUndefined();
	});

	test('only the version timestamp appears in the documents', () => {
		for (const format of EXPORT_FORMATS) {
			const body = buildExport(format, input).body;
			const stamps = body.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g) ?? [];
			expect(new Set(stamps).size <= 1 && stamps.every((s) => s === input.publishedAt.toISOString()), format).toBe(true);
		}
	});

	test('media types and file names', () => {
		expect(buildExport('ob3CredentialTemplate', input)).toMatchObject({
			contentType: 'application/ld+json',
			filename: 'circular-product-design-v3.ob3-credential-template.jsonld'
		});
		expect(buildExport('spec', input).contentType).toBe('application/json');
	});
});
