import { emptySpec } from './empty-spec';
import type { CourseSpec, RichTextDoc } from './types';
import { EQF_NOT_APPLICABLE } from './types';

// Specs for tests (unit, integration, realtime). Each call returns a fresh copy, so a test may
// change it freely. The full spec uses every field and passes every quality rule.

export const FIXTURE_IDS = {
	outcomes: ['outcomeapply', 'outcomecompa', 'outcomepitch'],
	modules: ['moduleprinci', 'modulematerl', 'moduleredsgn'],
	assessments: ['assessprojct', 'assessexamin']
} as const;

const paragraph = (text: string): RichTextDoc => ({
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text }] }]
});

const SUMMARY_EN: RichTextDoc = {
	type: 'doc',
	content: [
		{ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Why this course' }] },
		{
			type: 'paragraph',
			content: [
				{ type: 'text', text: 'Design products for ' },
				{ type: 'text', text: 'reuse', marks: [{ type: 'bold' }] },
				{ type: 'text', text: ', ' },
				{ type: 'text', text: 'repair', marks: [{ type: 'bold' }, { type: 'italic' }] },
				{ type: 'text', text: ' and recycling, following the ' },
				{
					type: 'text',
					text: 'EU circular economy action plan',
					marks: [{ type: 'link', attrs: { href: 'https://environment.ec.europa.eu/strategy/circular-economy-action-plan_en' } }]
				},
				{ type: 'text', text: '.' },
				{ type: 'hardBreak' },
				{ type: 'text', text: 'Tools: ' },
				{ type: 'text', text: 'OpenLCA', marks: [{ type: 'code' }] },
				{ type: 'text', text: ' and ' },
				{ type: 'text', text: 'paper', marks: [{ type: 'strike' }] },
				{ type: 'text', text: ' sketches.' }
			]
		},
		{
			type: 'bulletList',
			content: [
				{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Online, self-paced' }] }] },
				{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A real product from a partner company' }] }] }
			]
		},
		{
			type: 'blockquote',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Waste is a design flaw.', marks: [{ type: 'italic' }] }] }]
		}
	]
};

const PROJECT_EN: RichTextDoc = {
	type: 'doc',
	content: [
		{ type: 'paragraph', content: [{ type: 'text', text: 'Redesign a product in three steps:' }] },
		{
			type: 'orderedList',
			attrs: { start: 1 },
			content: [
				{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Audit the current design' }] }] },
				{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Propose changes' }] }] },
				{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pitch to the panel' }] }] }
			]
		}
	]
};

export function fullSpec(): CourseSpec {
	const [apply, compare, pitch] = FIXTURE_IDS.outcomes;
	const [principles, materials, redesign] = FIXTURE_IDS.modules;
	const [project, exam] = FIXTURE_IDS.assessments;
	// Cloned: the rich-text constants are shared and a test may change what it gets.
	return structuredClone<CourseSpec>({
		schemaVersion: 1,
		title: { en: 'Circular Product Design', fi: 'Kiertotalouden tuotesuunnittelu' },
		code: 'CPD-101',
		summary: { en: SUMMARY_EN, fi: paragraph('Suunnittele tuotteita uudelleenkäyttöön, korjaamiseen ja kierrätykseen.') },
		targetGroup: {
			text: { en: 'Product designers and engineers in manufacturing companies.' },
			categories: ['http://data.europa.eu/snb/target-group/cbedf28444']
		},
		prerequisites: { en: 'Basic knowledge of product development.' },
		languages: ['en', 'fi'],
		eqfLevel: 6,
		nqfLevel: 'FiNQF 6',
		ectsCredits: 3,
		workloadHours: 81,
		participationForm: 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe',
		learningSetting: 'http://data.europa.eu/snb/learning-setting/e207a81fc7',
		topics: ['circular economy', 'product design', 'LCA'],
		fieldOfStudy: 'http://data.europa.eu/snb/isced-f/0788',
		awardingBody: {
			name: { en: 'Example University of Applied Sciences', fi: 'Esimerkkiammattikorkeakoulu' },
			country: 'FI',
			website: 'https://www.example.fi'
		},
		qualityAssurance: {
			type: 'http://data.europa.eu/snb/accreditation/bb4618238e',
			statement: { en: 'Audited by FINEEC (Karvi) in 2024.' }
		},
		supervision: 'supervised-without-id',
		gradingScheme: { en: 'Pass/fail', fi: 'Hyväksytty/hylätty' },
		stackability: {
			mode: 'stackable',
			partOf: { en: 'Sustainable Design Specialisation (30 ECTS)' },
			partOfUrl: 'https://www.example.fi/sustainable-design'
		},
		furtherInformation: { en: 'Run together with partner companies from the region.' },
		learningOutcomes: [
			{
				id: apply,
				text: {
					en: 'Apply circular-design principles to an existing product.',
					fi: 'Osaa soveltaa kiertotalouden suunnitteluperiaatteita olemassa olevaan tuotteeseen.'
				}
			},
			{ id: compare, text: { en: 'The learner can compare materials by their life-cycle impact.' } },
			{ id: pitch, text: { en: 'Students are able to present a redesign proposal to an industry panel.' } }
		],
		modules: [
			{
				id: principles,
				title: { en: 'Principles' },
				description: { en: paragraph('Circular strategies and their trade-offs.') },
				hours: 27,
				activityType: 'http://data.europa.eu/snb/learning-activity/bf2e3a7bae',
				outcomeIds: [apply]
			},
			{
				id: materials,
				title: { en: 'Materials and LCA' },
				description: {},
				hours: 27,
				activityType: 'http://data.europa.eu/snb/learning-activity/3c8bd58d62',
				outcomeIds: [compare]
			},
			{
				id: redesign,
				title: { en: 'Redesign studio' },
				description: { en: PROJECT_EN },
				hours: 27,
				activityType: null,
				outcomeIds: [apply, pitch]
			}
		],
		assessments: [
			{
				id: project,
				title: { en: 'Redesign project' },
				type: 'http://data.europa.eu/snb/assessment/795dac4096',
				description: { en: PROJECT_EN },
				outcomeIds: [apply, pitch]
			},
			{
				id: exam,
				title: { en: 'Materials quiz' },
				type: 'http://data.europa.eu/snb/assessment/b1b68f6735',
				description: {},
				outcomeIds: [compare]
			}
		]
	});
}

/** Just the EU mandatory elements, in English, with "no EQF level applies". */
export function minimalSpec(): CourseSpec {
	const spec = emptySpec({ language: 'en', organisationName: 'Example UAS', country: 'FI' });
	spec.title = { en: 'Minimal course' };
	spec.ectsCredits = 2;
	spec.eqfLevel = EQF_NOT_APPLICABLE;
	spec.participationForm = 'http://data.europa.eu/snb/learning-assessment/9191af2ed9';
	spec.qualityAssurance.type = 'http://data.europa.eu/snb/accreditation/820101cba6';
	spec.learningOutcomes = [{ id: 'minoutcome01', text: { en: 'Describe the basics.' } }];
	spec.assessments = [
		{
			id: 'minassessmt1',
			title: {},
			type: 'http://data.europa.eu/snb/assessment/6e6cb2cc78',
			description: {},
			outcomeIds: ['minoutcome01']
		}
	];
	return spec;
}

/** The same course written in Finnish, Swedish and English (Finnish first), every text in all three. */
export function multilingualSpec(): CourseSpec {
	const spec = fullSpec();
	const [apply, compare, pitch] = FIXTURE_IDS.outcomes;
	const [principles, materials, redesign] = FIXTURE_IDS.modules;
	const [project, exam] = FIXTURE_IDS.assessments;
	spec.languages = ['fi', 'sv', 'en'];
	spec.title = { fi: 'Kiertotalouden tuotesuunnittelu', sv: 'Cirkulär produktdesign', en: 'Circular Product Design' };
	spec.summary = {
		fi: paragraph('Suunnittele tuotteita uudelleenkäyttöön, korjaamiseen ja kierrätykseen.'),
		sv: paragraph('Utforma produkter för återanvändning, reparation och återvinning.'),
		en: SUMMARY_EN
	};
	spec.targetGroup.text = {
		fi: 'Valmistavan teollisuuden tuotesuunnittelijat ja insinöörit.',
		sv: 'Produktdesigner och ingenjörer i tillverkande företag.',
		en: 'Product designers and engineers in manufacturing companies.'
	};
	spec.prerequisites = {
		fi: 'Tuotekehityksen perustiedot.',
		sv: 'Grundläggande kunskaper i produktutveckling.',
		en: 'Basic knowledge of product development.'
	};
	spec.nqfLevel = 'FiNQF 6';
	spec.awardingBody.name = {
		fi: 'Esimerkkiammattikorkeakoulu',
		sv: 'Exempelyrkeshögskolan',
		en: 'Example University of Applied Sciences'
	};
	spec.qualityAssurance.statement = {
		fi: 'Kansallisen koulutuksen arviointikeskuksen (Karvi) auditoima 2024.',
		sv: 'Auditerad av Nationella centret för utbildningsutvärdering (Karvi) 2024.',
		en: 'Audited by FINEEC (Karvi) in 2024.'
	};
	spec.gradingScheme = { fi: 'Hyväksytty/hylätty', sv: 'Godkänd/underkänd', en: 'Pass/fail' };
	spec.stackability.partOf = {
		fi: 'Kestävän suunnittelun erikoistumiskoulutus (30 op)',
		sv: 'Specialisering i hållbar design (30 sp)',
		en: 'Sustainable Design Specialisation (30 ECTS)'
	};
	spec.furtherInformation = {
		fi: 'Toteutetaan yhdessä alueen yritysten kanssa.',
		sv: 'Genomförs tillsammans med företag i regionen.',
		en: 'Run together with partner companies from the region.'
	};
	const outcomes: Record<string, CourseSpec['learningOutcomes'][number]['text']> = {
		[apply]: {
			fi: 'Osaa soveltaa kiertotalouden suunnitteluperiaatteita olemassa olevaan tuotteeseen.',
			sv: 'Kan tillämpa principer för cirkulär design på en befintlig produkt.',
			en: 'Apply circular-design principles to an existing product.'
		},
		[compare]: {
			fi: 'Osaa vertailla materiaaleja niiden elinkaarivaikutusten perusteella.',
			sv: 'Kan jämföra material utifrån deras livscykelpåverkan.',
			en: 'The learner can compare materials by their life-cycle impact.'
		},
		[pitch]: {
			fi: 'Osaa esitellä uudelleensuunnitteluehdotuksen teollisuuden paneelille.',
			sv: 'Kan presentera ett förslag till omdesign för en industripanel.',
			en: 'Students are able to present a redesign proposal to an industry panel.'
		}
	};
	for (const outcome of spec.learningOutcomes) outcome.text = outcomes[outcome.id];
	const titles: Record<string, CourseSpec['modules'][number]['title']> = {
		[principles]: { fi: 'Periaatteet', sv: 'Principer', en: 'Principles' },
		[materials]: { fi: 'Materiaalit ja elinkaariarviointi', sv: 'Material och livscykelanalys', en: 'Materials and LCA' },
		[redesign]: { fi: 'Uudelleensuunnittelustudio', sv: 'Omdesignstudio', en: 'Redesign studio' },
		[project]: { fi: 'Uudelleensuunnitteluprojekti', sv: 'Omdesignprojekt', en: 'Redesign project' },
		[exam]: { fi: 'Materiaalitentti', sv: 'Materialquiz', en: 'Materials quiz' }
	};
	for (const item of [...spec.modules, ...spec.assessments]) item.title = titles[item.id];
	return spec;
}
