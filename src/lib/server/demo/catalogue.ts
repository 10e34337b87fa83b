import type { DemoCourse, Provider } from './build-spec';

// The demo's micro-courses: the kind a Finnish university of applied sciences pilots with local
// companies. Both providers are made up; their web addresses use the reserved .example domain.

export const KAARI: Provider = {
	name: { en: 'Kaari University of Applied Sciences', fi: 'Kaaren ammattikorkeakoulu' },
	website: 'https://www.kaari-uas.example',
	qaStatement: {
		en: 'The quality system of Kaari UAS was audited by the Finnish Education Evaluation Centre (FINEEC) in 2024; the audit is valid until 2030. Micro-credentials follow the institution’s curriculum process.',
		fi: 'Kaaren ammattikorkeakoulun laatujärjestelmä on auditoitu Kansallisen koulutuksen arviointikeskuksen (Karvi) toimesta vuonna 2024, ja auditointi on voimassa vuoteen 2030. Mikrotutkinnot noudattavat korkeakoulun opetussuunnitelmaprosessia.'
	}
};

export const SAIMAA: Provider = {
	name: { en: 'Saimaanranta University of Applied Sciences', fi: 'Saimaanrannan ammattikorkeakoulu' },
	website: 'https://www.saimaanranta-uas.example',
	qaStatement: {
		en: 'Saimaanranta UAS holds a FINEEC quality label (audit 2023, valid for six years). Every micro-credential is approved by the education committee.',
		fi: 'Saimaanrannan ammattikorkeakoululla on Karvin laatuleima (auditointi 2023, voimassa kuusi vuotta). Koulutustoimikunta hyväksyy jokaisen mikrotutkinnon.'
	}
};

const passFail = { en: 'Pass / fail', fi: 'Hyväksytty / hylätty' };
const scale05 = { en: 'Numeric scale 0–5 (0 = fail, 5 = excellent)', fi: 'Asteikko 0–5 (0 = hylätty, 5 = erinomainen)' };
const smeSpecialisation = {
	mode: 'stackable' as const,
	partOf: { en: 'Digital Business for SMEs, specialisation studies (30 ECTS)', fi: 'Pk-yrityksen digitaalinen liiketoiminta, erikoistumisopinnot (30 op)' },
	url: 'https://www.kaari-uas.example/specialisation/digital-business'
};

export const PLATFORM_ECONOMY: DemoCourse = {
	title: { fi: 'Alustatalouden perusteet', en: 'Platform Economy Basics' },
	code: 'KAA-MC-101',
	languages: ['en', 'fi'],
	summary: {
		fi: 'Alustat kuten markkinapaikat, jakamistalouden palvelut ja sovelluskaupat muuttavat tapaa, jolla pienyritykset löytävät asiakkaansa. Kurssilla tarkastellaan, miten alustat luovat arvoa, miten ne hinnoittelevat ja milloin pienen yrityksen kannattaa liittyä alustalle tai rakentaa oma.\n\nKurssi toteutetaan verkossa yhdessä alueen yrittäjien kanssa: jokainen osallistuja analysoi oikean yrityksen alustastrategian.',
		en: 'Platforms such as marketplaces, sharing-economy services and app stores change how small companies find their customers. The course looks at how platforms create value, how they set prices and when a small company should join a platform or build its own.\n\nThe course runs online together with local entrepreneurs: every participant analyses the platform strategy of a real company.'
	},
	targetGroup: {
		fi: 'Pienten ja keskisuurten yritysten yrittäjät ja työntekijät sekä liiketalouden opiskelijat.',
		en: 'Owners and staff of small and medium-sized enterprises, and business students.'
	},
	targets: ['students', 'experienced'],
	prerequisites: { fi: 'Ei edellytyksiä.', en: 'None.' },
	eqf: 6,
	ects: 3,
	participation: 'online',
	setting: 'nonFormal',
	topics: ['platform economy', 'business models', 'digital business', 'alustatalous'],
	field: '0413',
	provider: KAARI,
	qa: 'institutional',
	supervision: 'unsupervised-without-id',
	grading: passFail,
	stack: smeSpecialisation,
	furtherInformation: {
		fi: 'Kurssi on maksuton alueen yrityksille ja kuuluu Kaaren pk-yritysten digitalisaatiohankkeeseen.',
		en: 'The course is free for companies of the region and part of Kaari’s SME digitalisation project.'
	},
	outcomes: [
		{ fi: 'Osaa kuvata alustatalouden keskeiset liiketoimintamallit ja verkostovaikutukset.', en: 'Describe the main business models of the platform economy and their network effects.' },
		{ fi: 'Osaa analysoida yrityksen mahdollisuuksia ja riskejä alustalla toimimisessa.', en: 'Analyse the opportunities and risks for a company operating on a platform.' },
		{ fi: 'Osaa laatia pienyritykselle perustellun alustastrategian.', en: 'Draft a justified platform strategy for a small company.' }
	],
	modules: [
		{
			title: { fi: 'Miten alustat toimivat', en: 'How platforms work' },
			text: { fi: 'Kaksipuoliset markkinat, verkostovaikutukset ja alustojen ansaintalogiikka.', en: 'Two-sided markets, network effects and how platforms earn their money.' },
			hours: 27,
			activity: 'elearning',
			outcomes: [0]
		},
		{
			title: { fi: 'Yritys alustalla', en: 'A company on a platform' },
			text: { fi: 'Tapausvideot alueen yrittäjiltä, alustojen ehdot ja riippuvuuden riskit.', en: 'Case videos from local entrepreneurs, platform terms and the risks of dependence.' },
			hours: 30,
			activity: 'elearning',
			outcomes: [1]
		},
		{
			title: { fi: 'Oma alustastrategia', en: 'Your platform strategy' },
			text: { fi: 'Osallistuja laatii valitsemalleen yritykselle alustastrategian ja saa siitä palautteen yrittäjältä.', en: 'Participants draft a platform strategy for a company of their choice and get feedback on it from the entrepreneur.' },
			hours: 24,
			activity: 'work',
			outcomes: [1, 2]
		}
	],
	assessments: [
		{
			title: { fi: 'Alustastrategia', en: 'Platform strategy' },
			type: 'project',
			text: { fi: 'Kirjallinen strategia (4–6 sivua), jonka opettaja ja yrittäjä arvioivat yhdessä.', en: 'A written strategy (4–6 pages) assessed together by the lecturer and the entrepreneur.' },
			outcomes: [1, 2]
		},
		{
			title: { fi: 'Verkkotehtävät', en: 'Online exercises' },
			type: 'quiz',
			text: { fi: 'Moduulin 1 tehtävät verkossa.', en: 'The online exercises of module 1.' },
			outcomes: [0]
		}
	]
};

export const SUSTAINABLE_SME: DemoCourse = {
	title: { en: 'Sustainable Development in Small Businesses', fi: 'Kestävä kehitys pienyrityksessä' },
	code: 'KAA-MC-114',
	languages: ['en', 'fi'],
	summary: {
		en: 'A practical course on turning the UN Sustainable Development Goals into everyday decisions of a small business: energy, procurement, products and people.\n\nParticipants measure their own company’s footprint with free tools and leave with a one-year action plan.',
		fi: 'Käytännönläheinen kurssi siitä, miten YK:n kestävän kehityksen tavoitteet muuttuvat pienyrityksen arjen päätöksiksi: energia, hankinnat, tuotteet ja ihmiset.\n\nOsallistujat mittaavat oman yrityksensä hiilijalanjäljen maksuttomilla työkaluilla ja laativat vuoden toimintasuunnitelman.'
	},
	targetGroup: { en: 'Entrepreneurs and employees of small businesses in any sector.', fi: 'Pienyritysten yrittäjät ja työntekijät kaikilta toimialoilta.' },
	targets: ['experienced', 'senior'],
	prerequisites: { en: 'Access to basic figures of a company (energy use, purchases).', fi: 'Pääsy yrityksen perustietoihin (energiankulutus, hankinnat).' },
	eqf: 5,
	ects: 2,
	participation: 'blended',
	setting: 'nonFormal',
	topics: ['sustainability', 'SDG', 'carbon footprint', 'kestävä kehitys'],
	field: '0521',
	provider: KAARI,
	qa: 'institutional',
	supervision: 'unsupervised-without-id',
	grading: passFail,
	stack: { mode: 'standalone' },
	furtherInformation: { en: 'Two on-campus workshops in Kaari’s Lahti campus; the rest online.', fi: 'Kaksi lähityöpajaa Kaaren Lahden kampuksella, muu opiskelu verkossa.' },
	outcomes: [
		{ en: 'Identify the Sustainable Development Goals most relevant to their own business.', fi: 'Tunnistaa omalle yritykselle olennaisimmat kestävän kehityksen tavoitteet.' },
		{ en: 'Calculate an estimate of the company’s carbon footprint with a free calculator.', fi: 'Laskea arvion yrityksen hiilijalanjäljestä maksuttomalla laskurilla.' },
		{ en: 'Prepare a one-year sustainability action plan with measurable targets.', fi: 'Laatia vuoden mittaisen kestävyyssuunnitelman mitattavine tavoitteineen.' }
	],
	modules: [
		{ title: { en: 'The goals and your business', fi: 'Tavoitteet ja oma yritys' }, text: { en: 'Workshop: mapping the SDGs onto your value chain.' }, hours: 16, activity: 'workshop', outcomes: [0] },
		{ title: { en: 'Measuring the footprint', fi: 'Jalanjäljen mittaaminen' }, text: { en: 'Collecting energy and purchase data and using the calculator.' }, hours: 20, activity: 'elearning', outcomes: [1] },
		{ title: { en: 'Action plan', fi: 'Toimintasuunnitelma' }, text: { en: 'Writing and presenting the plan in the second workshop.' }, hours: 18, activity: 'workshop', outcomes: [2] }
	],
	assessments: [
		{ title: { en: 'Footprint report and action plan', fi: 'Jalanjälkiraportti ja toimintasuunnitelma' }, type: 'portfolio', text: { en: 'The calculation, its sources and the plan, presented in the final workshop.' }, outcomes: [0, 1, 2] }
	]
};

export const DIGITAL_MARKETING: DemoCourse = {
	title: { en: 'Digital Marketing for Micro-Enterprises' },
	code: 'KAA-MC-120',
	languages: ['en'],
	summary: {
		en: 'How a company of one to ten people gets found online without an agency: a website that converts, search engine optimisation, social media and email, measured with free analytics.\n\nEvery assignment is done on the participant’s own company or a partner company.'
	},
	targetGroup: { en: 'Micro-entrepreneurs and people starting a business.' },
	targets: ['early', 'experienced'],
	prerequisites: { en: 'A company or business idea with a website or social media account.' },
	eqf: 5,
	ects: 3,
	participation: 'online',
	setting: 'nonFormal',
	topics: ['digital marketing', 'SEO', 'social media', 'analytics'],
	field: '0414',
	provider: KAARI,
	qa: 'institutional',
	supervision: 'unsupervised-without-id',
	grading: passFail,
	stack: smeSpecialisation,
	furtherInformation: { en: 'Weekly online office hours with the lecturer and a marketing entrepreneur.' },
	outcomes: [
		{ en: 'Plan a digital marketing funnel for a micro-enterprise.' },
		{ en: 'Optimise a web page for search engines using a checklist.' },
		{ en: 'Measure campaign results with web analytics and interpret them.' }
	],
	modules: [
		{ title: { en: 'Customer journey and funnel' }, text: { en: 'From first contact to repeat customer: mapping your funnel.' }, hours: 27, activity: 'elearning', outcomes: [0] },
		{ title: { en: 'Search and content' }, text: { en: 'Keyword research, on-page optimisation and a content calendar.' }, hours: 27, activity: 'elearning', outcomes: [1] },
		{ title: { en: 'Measuring what works' }, text: { en: 'Setting up analytics, campaign links and a monthly report.' }, hours: 27, activity: 'practice', outcomes: [2] }
	],
	assessments: [
		{ title: { en: 'Marketing plan' }, type: 'assignment', text: { en: 'A funnel and a three-month plan for a real company.' }, outcomes: [0, 1] },
		{ title: { en: 'Analytics report' }, type: 'practical', text: { en: 'A one-month report from real analytics data.' }, outcomes: [2] }
	]
};

export const SERVICE_DESIGN: DemoCourse = {
	title: { en: 'Service Design Sprint' },
	code: 'SAI-MC-210',
	languages: ['en'],
	summary: {
		en: 'A five-week sprint in which teams of students and company staff redesign a real service of a partner company with service design methods: interviews, journey maps, blueprints and prototypes tested with customers.'
	},
	targetGroup: { en: 'Students of business, hospitality and engineering, and staff of partner companies.' },
	targets: ['students', 'experienced'],
	prerequisites: { en: 'None; teams are mixed on purpose.' },
	eqf: 6,
	ects: 4,
	participation: 'project',
	setting: 'formal',
	topics: ['service design', 'customer experience', 'prototyping'],
	field: '0413',
	provider: SAIMAA,
	qa: 'programme',
	supervision: 'supervised-without-id',
	grading: scale05,
	stack: { mode: 'stackable', partOf: { en: 'Customer-Driven Innovation, minor studies (15 ECTS)' } },
	furtherInformation: { en: 'Partner companies give the design brief and take part in the final presentations.' },
	outcomes: [
		{ en: 'Interview customers and document their needs as insights.' },
		{ en: 'Visualise a service as a customer journey map and a service blueprint.' },
		{ en: 'Prototype and test a service concept with real customers.' },
		{ en: 'Present a redesigned service to the partner company and justify the choices.' }
	],
	modules: [
		{ title: { en: 'Discover' }, text: { en: 'Research plan, customer interviews and insight workshop.' }, hours: 30, activity: 'work', outcomes: [0] },
		{ title: { en: 'Define and develop' }, text: { en: 'Journey maps, blueprints and idea generation.' }, hours: 36, activity: 'workshop', outcomes: [1] },
		{ title: { en: 'Deliver' }, text: { en: 'Prototypes, customer tests and the final pitch.' }, hours: 42, activity: 'work', outcomes: [2, 3] }
	],
	assessments: [
		{ title: { en: 'Sprint portfolio' }, type: 'portfolio', text: { en: 'The team’s research, maps and prototypes.' }, outcomes: [0, 1, 2] },
		{ title: { en: 'Final presentation' }, type: 'oral', text: { en: 'Presentation to the partner company, assessed with a rubric.' }, outcomes: [3] }
	]
};

export const CIRCULAR_ECONOMY: DemoCourse = {
	title: { fi: 'Kiertotalouden liiketoimintamallit', en: 'Circular Economy Business Models' },
	code: 'SAI-MC-230',
	languages: ['fi', 'en'],
	summary: {
		fi: 'Kiertotalous on pk-yritykselle mahdollisuus: tuote palveluna, korjaus ja huolto, uudelleenvalmistus ja sivuvirtojen hyödyntäminen. Kurssilla tutustutaan suomalaisiin esimerkkeihin ja arvioidaan oman yrityksen kiertotalouspotentiaali.',
		en: 'The circular economy is an opportunity for SMEs: product as a service, repair and maintenance, remanufacturing and using side streams. The course looks at Finnish examples and assesses the circular potential of the participant’s own company.'
	},
	targetGroup: { fi: 'Valmistavan teollisuuden ja palvelualojen pk-yritykset.', en: 'SMEs in manufacturing and services.' },
	targets: ['experienced'],
	prerequisites: { fi: 'Ei edellytyksiä.', en: 'None.' },
	eqf: 6,
	ects: 2,
	participation: 'blended',
	setting: 'nonFormal',
	topics: ['circular economy', 'kiertotalous', 'business models', 'remanufacturing'],
	field: '0788',
	provider: SAIMAA,
	qa: 'institutional',
	supervision: 'unsupervised-without-id',
	grading: passFail,
	stack: { mode: 'standalone' },
	furtherInformation: { fi: 'Toteutetaan yhteistyössä alueen kiertotalousklusterin kanssa.', en: 'Run together with the region’s circular economy cluster.' },
	outcomes: [
		{ fi: 'Ymmärtää kiertotalouden periaatteet.', en: 'Understand the principles of the circular economy.' },
		{ fi: 'Osaa vertailla kiertotalouden liiketoimintamalleja.', en: 'Compare circular business models.' },
		{ fi: 'Osaa arvioida oman yrityksen kiertotalouspotentiaalin.', en: 'Assess the circular potential of their own company.' }
	],
	modules: [
		{ title: { fi: 'Kiertotalouden perusteet', en: 'Circular economy basics' }, text: { fi: 'Periaatteet ja suomalaiset esimerkit.', en: 'Principles and Finnish examples.' }, hours: 18, activity: 'elearning', outcomes: [0, 1] },
		{ title: { fi: 'Oma yritys kiertoon', en: 'Your company in the loop' }, text: { fi: 'Työpaja ja potentiaalin arviointi.', en: 'Workshop and potential assessment.' }, hours: 36, activity: 'workshop', outcomes: [2] }
	],
	assessments: [
		{ title: { fi: 'Kiertotalousarvio', en: 'Circularity assessment' }, type: 'assignment', text: { fi: 'Kirjallinen arvio omasta yrityksestä.', en: 'A written assessment of one’s own company.' }, outcomes: [1, 2] }
	]
};

export const DATA_LITERACY: DemoCourse = {
	title: { en: 'Data Literacy for SMEs', fi: 'Datalukutaito pk-yrityksille' },
	code: 'KAA-MC-131',
	languages: ['en', 'fi'],
	summary: {
		en: 'Spreadsheets, dashboards and the numbers in between: how a small company turns the data it already has (sales, web, customer feedback) into decisions. No programming; the tools are a spreadsheet and a free dashboard service.',
		fi: 'Taulukot, koontinäkymät ja niiden välissä olevat luvut: miten pienyritys muuttaa jo olemassa olevan datansa (myynti, verkko, asiakaspalaute) päätöksiksi. Ei ohjelmointia; työkaluina taulukkolaskenta ja maksuton koontinäkymäpalvelu.'
	},
	targetGroup: { en: 'Entrepreneurs and office staff of SMEs who work with reports.', fi: 'Pk-yritysten yrittäjät ja toimistohenkilöstö, jotka työskentelevät raporttien parissa.' },
	targets: ['experienced', 'retraining'],
	prerequisites: { en: 'Basic spreadsheet use.', fi: 'Taulukkolaskennan perustaidot.' },
	eqf: 5,
	ects: 2,
	participation: 'online',
	setting: 'nonFormal',
	topics: ['data literacy', 'dashboards', 'spreadsheets', 'datalukutaito'],
	field: '0611',
	provider: KAARI,
	qa: 'institutional',
	supervision: 'unsupervised-without-id',
	grading: passFail,
	stack: smeSpecialisation,
	furtherInformation: { en: 'Participants may bring their own (anonymised) company data.', fi: 'Osallistujat voivat käyttää omaa (anonymisoitua) yritysdataansa.' },
	outcomes: [
		{ en: 'Clean and organise business data in a spreadsheet.', fi: 'Jäsentää ja siistiä yrityksen datan taulukkolaskentaohjelmassa.' },
		{ en: 'Build a simple dashboard of key figures.', fi: 'Rakentaa yksinkertaisen tunnuslukujen koontinäkymän.' },
		{ en: 'Interpret charts critically and explain a decision based on them.', fi: 'Tulkita kaavioita kriittisesti ja perustella niihin pohjautuvan päätöksen.' }
	],
	modules: [
		{ title: { en: 'Data you already have', fi: 'Data, joka sinulla jo on' }, text: { en: 'Sources, formats and cleaning.' }, hours: 18, activity: 'elearning', outcomes: [0] },
		{ title: { en: 'Dashboards', fi: 'Koontinäkymät' }, text: { en: 'Choosing key figures and building the dashboard.' }, hours: 18, activity: 'practice', outcomes: [1] },
		{ title: { en: 'Deciding with data', fi: 'Päätökset datan pohjalta' }, text: { en: 'Reading charts, common pitfalls and a decision memo.' }, hours: 18, activity: 'elearning', outcomes: [2] }
	],
	assessments: [
		{ title: { en: 'Dashboard and decision memo', fi: 'Koontinäkymä ja päätösmuistio' }, type: 'practical', text: { en: 'A working dashboard with a one-page memo.' }, outcomes: [0, 1, 2] }
	]
};

export const RESPONSIBLE_AI: DemoCourse = {
	title: { en: 'Responsible AI at Work' },
	code: 'KAA-MC-140',
	languages: ['en'],
	summary: { en: 'Generative AI tools in everyday office work: what they are good at, where they fail, and the rules (EU AI Act, data protection) a small company must follow.' },
	targetGroup: { en: 'Anyone using AI assistants at work.' },
	targets: ['experienced'],
	prerequisites: { en: 'None.' },
	eqf: 5,
	ects: 1,
	participation: 'online',
	setting: 'nonFormal',
	topics: ['artificial intelligence', 'AI Act', 'data protection'],
	field: '0688',
	provider: KAARI,
	qa: 'institutional',
	supervision: 'unsupervised-without-id',
	grading: passFail,
	stack: { mode: 'standalone' },
	furtherInformation: {},
	outcomes: [
		{ en: 'Use an AI assistant for drafting and summarising with a checklist for errors.' },
		{ en: 'Identify the AI Act and GDPR obligations that apply to a small company.' }
	],
	modules: [
		{ title: { en: 'Working with AI assistants' }, text: { en: 'Prompts, checking and citing.' }, hours: 15, activity: 'elearning', outcomes: [0] },
		{ title: { en: 'Rules and risks' }, text: { en: 'The AI Act’s risk classes and data protection.' }, hours: 12, activity: 'elearning', outcomes: [1] }
	],
	assessments: []
};

export const SOCIAL_MEDIA_SERVICE: DemoCourse = {
	title: { en: 'Customer Service on Social Media' },
	code: 'SAI-MC-205',
	languages: ['en'],
	summary: { en: 'Answering customers on social media channels quickly and well: tone of voice, response times, handling complaints in public and knowing when to take a conversation private.' },
	targetGroup: { en: 'Customer service staff of retail and hospitality companies.' },
	targets: ['early', 'experienced'],
	prerequisites: { en: 'Work in customer service.' },
	eqf: 4,
	ects: 1,
	participation: 'online',
	setting: 'nonFormal',
	topics: ['customer service', 'social media'],
	field: '0416',
	provider: SAIMAA,
	qa: 'institutional',
	supervision: 'unsupervised-without-id',
	grading: passFail,
	stack: { mode: 'standalone' },
	furtherInformation: { en: 'Replaced by “Service Design Sprint” and the new customer experience minor.' },
	outcomes: [
		{ en: 'Respond to customer messages in the company’s tone of voice.' },
		{ en: 'Handle a public complaint following a de-escalation model.' }
	],
	modules: [
		{ title: { en: 'Tone of voice' }, text: { en: 'Writing exercises with real messages.' }, hours: 13, activity: 'elearning', outcomes: [0] },
		{ title: { en: 'Complaints in public' }, text: { en: 'Cases and role play.' }, hours: 14, activity: 'practice', outcomes: [1] }
	],
	assessments: [{ title: { en: 'Response portfolio' }, type: 'portfolio', text: { en: 'Ten answered cases.' }, outcomes: [0, 1] }]
};

export const EXPORT_READINESS: DemoCourse = {
	title: { en: 'Export Readiness for Start-ups' },
	code: 'SAI-MC-240',
	languages: ['en'],
	summary: { en: 'From the first foreign customer to a market entry plan: choosing a market, pricing for export, Incoterms, payment risks and the support Team Finland offers.' },
	targetGroup: { en: 'Founders and sales staff of start-ups and growth companies.' },
	targets: ['early', 'experienced'],
	prerequisites: { en: 'A product or service sold in Finland.' },
	eqf: 6,
	ects: 3,
	participation: 'blended',
	setting: 'nonFormal',
	topics: ['export', 'internationalisation', 'sales'],
	field: '0416',
	provider: SAIMAA,
	qa: 'institutional',
	supervision: 'supervised-without-id',
	grading: scale05,
	stack: { mode: 'standalone' },
	furtherInformation: { en: 'Guest lectures by export advisers of the regional business service.' },
	outcomes: [
		{ en: 'Evaluate target markets with a market selection matrix.' },
		{ en: 'Calculate an export price including logistics, duties and payment terms.' },
		{ en: 'Prepare a market entry plan for one target market.' }
	],
	modules: [
		{ title: { en: 'Choosing the market' }, text: { en: 'Market data sources and the selection matrix.' }, hours: 27, activity: 'elearning', outcomes: [0] },
		{ title: { en: 'Pricing and terms' }, text: { en: 'Incoterms, duties, currency and payment risk.' }, hours: 24, activity: 'classroom', outcomes: [1] },
		{ title: { en: 'Market entry plan' }, text: { en: 'Writing the plan with an export adviser.' }, hours: 30, activity: 'work', outcomes: [2] }
	],
	assessments: [
		{ title: { en: 'Export price calculation' }, type: 'assignment', text: { en: 'A calculation for a real shipment.' }, outcomes: [1] },
		{ title: { en: 'Market entry plan' }, type: 'project', text: { en: 'The plan, assessed by the lecturer and an export adviser.' }, outcomes: [0, 2] }
	]
};

export const CYBERSECURITY: DemoCourse = {
	title: { fi: 'Tietoturvan perusteet pienyritykselle', en: 'Cybersecurity Basics for Small Businesses' },
	code: 'KAA-MC-150',
	languages: ['fi', 'en'],
	summary: {
		fi: 'Tietojenkalastelu, salasanat, varmuuskopiot ja päivitykset: kurssi käy läpi ne toimet, joilla pienyritys estää yleisimmät tietoturvaloukkaukset. Lopuksi osallistuja laatii yritykselleen tietoturvan tarkistuslistan.',
		en: 'Phishing, passwords, backups and updates: the course covers the measures that keep a small company safe from the most common security breaches. Finally, participants draft a security checklist for their company.'
	},
	targetGroup: { fi: 'Pienyritysten yrittäjät ja työntekijät.', en: 'Owners and employees of small businesses.' },
	targets: ['experienced', 'senior'],
	prerequisites: { fi: 'Ei edellytyksiä.', en: 'None.' },
	eqf: 4,
	ects: 1,
	participation: 'online',
	setting: 'nonFormal',
	topics: ['tietoturva', 'cybersecurity', 'phishing'],
	field: '0612',
	provider: KAARI,
	qa: 'institutional',
	supervision: 'unsupervised-without-id',
	grading: passFail,
	stack: smeSpecialisation,
	furtherInformation: { fi: 'Kurssi perustuu Kyberturvallisuuskeskuksen ohjeisiin.', en: 'Based on the guidance of the National Cyber Security Centre Finland.' },
	outcomes: [
		{ fi: 'Tunnistaa tietojenkalasteluviestit ja toimia niiden kohdalla oikein.', en: 'Identify phishing messages and act on them correctly.' },
		{ fi: 'Laatia yritykselle tietoturvan tarkistuslistan.', en: 'Draft a security checklist for the company.' }
	],
	modules: [
		{ title: { fi: 'Uhat ja huijaukset', en: 'Threats and scams' }, text: { fi: 'Tietojenkalastelu ja huijaukset esimerkein.', en: 'Phishing and scams with examples.' }, hours: 13, activity: 'elearning', outcomes: [0] },
		{ title: { fi: 'Perustoimet kuntoon', en: 'Getting the basics right' }, text: { fi: 'Salasanat, varmuuskopiot, päivitykset.', en: 'Passwords, backups, updates.' }, hours: 14, activity: 'elearning', outcomes: [1] }
	],
	assessments: [
		{ title: { fi: 'Kalastelutesti', en: 'Phishing test' }, type: 'quiz', text: { fi: 'Tunnista kalasteluviestit.', en: 'Spot the phishing messages.' }, outcomes: [0] },
		{ title: { fi: 'Tarkistuslista', en: 'Checklist' }, type: 'artefact', text: { fi: 'Oman yrityksen tarkistuslista.', en: 'A checklist for one’s own company.' }, outcomes: [1] }
	]
};

export const WELLBEING_LEADERSHIP: DemoCourse = {
	title: { en: 'Leading Wellbeing at Work' },
	code: 'SAI-MC-250',
	languages: ['en'],
	summary: { en: 'For supervisors of small teams: recognising load and recovery, holding development discussions and building practices that keep people well at work.' },
	targetGroup: { en: 'Supervisors and team leaders, and entrepreneurs with employees.' },
	targets: ['experienced', 'senior'],
	prerequisites: { en: 'Experience of leading people helps but is not required.' },
	eqf: 6,
	ects: 2,
	participation: 'blended',
	setting: 'nonFormal',
	topics: ['leadership', 'wellbeing at work', 'HR'],
	field: '1022',
	provider: SAIMAA,
	qa: 'institutional',
	supervision: 'unsupervised-without-id',
	grading: passFail,
	stack: { mode: 'standalone' },
	furtherInformation: { en: 'Piloted with companies of the regional entrepreneurs’ association.' },
	outcomes: [
		{ en: 'Recognise signs of overload in a team and plan early support.' },
		{ en: 'Conduct a development discussion with a structured model.' },
		{ en: 'Design one practice that improves recovery in their team.' }
	],
	modules: [
		{ title: { en: 'Load and recovery' }, text: { en: 'Research on workload and recovery, with self-assessment.' }, hours: 18, activity: 'elearning', outcomes: [0] },
		{ title: { en: 'Discussions that help' }, text: { en: 'Workshop: development discussions in practice.' }, hours: 18, activity: 'workshop', outcomes: [1] },
		{ title: { en: 'A practice for your team' }, text: { en: 'Trying out one practice at work and reflecting on it.' }, hours: 18, activity: 'work', outcomes: [2] }
	],
	assessments: [{ title: { en: 'Learning diary' }, type: 'portfolio', text: { en: 'Reflections from each module and the tried practice.' }, outcomes: [0, 1, 2] }]
};

export const PRICING_SERVICES: DemoCourse = {
	title: { en: 'Pricing Services Profitably' },
	code: 'KAA-MC-160',
	languages: ['en'],
	summary: { en: 'Many service entrepreneurs charge too little. The course covers cost-based, value-based and package pricing, how to raise prices and how to present a quote customers accept.' },
	targetGroup: { en: 'Service entrepreneurs and freelancers.' },
	targets: ['early', 'experienced'],
	prerequisites: { en: 'None.' },
	eqf: 5,
	ects: 1,
	participation: 'online',
	setting: 'nonFormal',
	topics: ['pricing', 'services', 'profitability'],
	field: '0412',
	provider: KAARI,
	qa: 'institutional',
	supervision: 'unsupervised-without-id',
	grading: passFail,
	stack: smeSpecialisation,
	furtherInformation: {},
	outcomes: [
		{ en: 'Calculate the break-even hourly price of a service.' },
		{ en: 'Design service packages with value-based prices.' }
	],
	modules: [
		{ title: { en: 'Costs and the hourly price' }, text: { en: 'The real cost of an hour.' }, hours: 13, activity: 'elearning', outcomes: [0] },
		{ title: { en: 'Packages and value' }, text: { en: 'From hours to packages; presenting a quote.' }, hours: 14, activity: 'elearning', outcomes: [1] }
	],
	assessments: [{ title: { en: 'Price list' }, type: 'assignment', text: { en: 'A calculated price list with two packages.' }, outcomes: [0, 1] }]
};
