import type { CourseSpec, RichTextDoc } from '$lib/course-spec/types';
import { minimalSpec } from '$lib/course-spec/fixtures';
import { ISCED_F_TREE } from '$lib/course-spec/isced-f';
import { PARTICIPATION_FORMS } from '$lib/course-spec/vocabularies';

// Course specs with realistic text for the catalogue benchmark: words drawn with a Zipf-like
// distribution from Finnish (inflected forms included), Swedish and English vocabularies of the
// field, so that common words match many courses and rare ones few, as in a real catalogue.

const EN = `design product service digital data learning business sustainable circular economy management
project team customer user research analysis quality safety health care energy environment water
materials manufacturing software development programming security network cloud communication
marketing sales finance accounting law ethics leadership innovation entrepreneurship strategy
planning evaluation assessment practice workplace industry company organisation society public
policy education teaching pedagogy language culture media visual interaction accessibility
inclusion welfare nursing clinical patient logistics supply chain transport construction building
architecture urban mobility agriculture forestry food nutrition tourism hospitality event sport
robotics automation artificial intelligence machine analytics statistics mathematics modelling
simulation laboratory chemistry biology physics electronics electrical mechanical engineering
maintenance operations process lean improvement standard regulation risk compliance audit
interview survey method theory framework tool platform application system infrastructure
prototype testing validation documentation report presentation negotiation collaboration
recycling reuse repair waste emission carbon climate renewable solar wind battery hydrogen`.split(/\s+/);

const FI = `suunnittelu tuote tuotteen tuotteita palvelu palvelun palveluiden digitaalinen digitaalisen
data oppiminen oppimisen liiketoiminta liiketoiminnan kestävä kestävän kiertotalous kiertotalouden
kiertotaloudessa johtaminen johtamisen projekti projektin tiimi tiimin asiakas asiakkaan asiakkaiden
käyttäjä käyttäjän tutkimus tutkimuksen analyysi laatu laadun turvallisuus terveys hoito energia
energian ympäristö ympäristön vesi materiaali materiaalien valmistus ohjelmisto ohjelmistojen
kehitys kehityksen kehittäminen tietoturva verkko viestintä markkinointi myynti talous kirjanpito
oikeus etiikka innovaatio yrittäjyys yritys yrityksen yritykset yrityksissä yrityksille strategia
suunnitelma arviointi harjoittelu työelämä työpaikka teollisuus organisaatio yhteiskunta julkinen
koulutus opetus kieli kulttuuri media saavutettavuus hyvinvointi sairaanhoito potilas logistiikka
kuljetus rakentaminen arkkitehtuuri liikenne maatalous metsätalous ruoka matkailu urheilu
robotiikka automaatio tekoäly analytiikka tilastot matematiikka mallinnus laboratorio kemia
biologia fysiikka elektroniikka sähkö kone insinööri kunnossapito prosessi parantaminen standardi
riski auditointi haastattelu kysely menetelmä teoria työkalu alusta sovellus järjestelmä prototyyppi
testaus raportti esitys neuvottelu yhteistyö kierrätys korjaus jäte päästöt hiili ilmasto uusiutuva`.split(/\s+/);

const SV = `design produkt tjänst digital lärande företag företagets hållbar cirkulär ekonomi ledning projekt
kund användare forskning kvalitet säkerhet hälsa vård energi miljö material tillverkning programvara
utveckling kommunikation marknadsföring innovation entreprenörskap strategi utbildning undervisning`.split(/\s+/);

const VERBS = ['Apply', 'Analyse', 'Compare', 'Design', 'Evaluate', 'Explain', 'Plan', 'Develop', 'Assess', 'Present'];
const FI_VERBS = ['Osaa soveltaa', 'Osaa analysoida', 'Osaa verrata', 'Osaa suunnitella', 'Osaa arvioida', 'Osaa selittää', 'Osaa kehittää'];

/** A small seeded random generator, so every run seeds the same catalogue. */
export function random(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 4294967296;
	};
}

/** Zipf-like: the first words of a list are picked far more often than the last. */
const zipf = (rand: () => number, words: string[]) => words[Math.floor(words.length * Math.pow(rand(), 1.25))];

/** Words nearly every course uses, whatever it is about. */
const COMMON: Record<'fi' | 'sv' | 'en', string[]> = {
	en: 'course students learner skills work basic practical knowledge understanding methods and the of in for with'.split(' '),
	fi: 'kurssi opiskelija taidot työ perusteet käytännön osaaminen tieto menetelmät ja sekä kanssa'.split(' '),
	sv: 'kurs studerande färdigheter arbete grunder praktisk kunskap metoder och med för'.split(' ')
};

/** A course is about a few subjects: its text draws mostly on them, the rest on common words. */
function themeOf(rand: () => number, words: string[], common: string[]): string[] {
	const theme = Array.from(new Set(Array.from({ length: 10 }, () => zipf(rand, words))));
	return [...theme, ...theme, ...common];
}

const sentence = (rand: () => number, words: string[], length: number) => {
	const picked = Array.from({ length }, () => words[Math.floor(rand() * words.length)]);
	const text = picked.join(' ');
	return `${text[0].toUpperCase()}${text.slice(1)}.`;
};
const paragraphs = (rand: () => number, words: string[], count: number): RichTextDoc => ({
	type: 'doc',
	content: Array.from({ length: count }, () => ({
		type: 'paragraph' as const,
		content: [{ type: 'text' as const, text: Array.from({ length: 3 + Math.floor(rand() * 3) }, () => sentence(rand, words, 8 + Math.floor(rand() * 10))).join(' ') }]
	}))
});

const FIELDS = ISCED_F_TREE.filter((f) => f.level === 'detailed').map((f) => f.uri);
const PROVIDERS = Array.from({ length: 60 }, (_, i) => `Provider ${i + 1} University of Applied Sciences`);

/** The i-th course of the benchmark catalogue: Finnish with English (40 %), English (50 %), Swedish (10 %). */
export function benchSpec(i: number): CourseSpec {
	const rand = random(i + 1);
	const kind = i % 10 < 4 ? 'fi' : i % 10 < 9 ? 'en' : 'sv';
	const words = themeOf(rand, kind === 'fi' ? FI : kind === 'sv' ? SV : EN, COMMON[kind]);
	const english = themeOf(rand, EN, COMMON.en);
	const spec = minimalSpec();
	spec.languages = kind === 'fi' ? ['fi', 'en'] : [kind];
	const title = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => words[Math.floor(rand() * 10)]).join(' ');
	spec.title = { [kind]: `${title[0].toUpperCase()}${title.slice(1)} ${i}` };
	if (kind === 'fi') spec.title.en = `${zipf(rand, EN)} ${zipf(rand, EN)} ${i}`;
	spec.summary = { [kind]: paragraphs(rand, words, 2) };
	if (kind === 'fi') spec.summary.en = paragraphs(rand, english, 1);
	spec.awardingBody.name = { [kind]: PROVIDERS[Math.floor(rand() * PROVIDERS.length)] };
	spec.learningOutcomes = Array.from({ length: 3 + Math.floor(rand() * 4) }, (_, n) => ({
		id: `o${i.toString(36).padStart(6, '0')}${n}`.padEnd(12, 'x'),
		text: {
			[kind]: `${kind === 'fi' ? FI_VERBS[Math.floor(rand() * FI_VERBS.length)] : VERBS[Math.floor(rand() * VERBS.length)]} ${sentence(rand, words, 6 + Math.floor(rand() * 8)).toLowerCase()}`
		}
	}));
	spec.modules = Array.from({ length: 2 + Math.floor(rand() * 4) }, (_, n) => ({
		id: `m${i.toString(36).padStart(6, '0')}${n}`.padEnd(12, 'x'),
		title: { [kind]: sentence(rand, words, 3).slice(0, -1) },
		description: { [kind]: paragraphs(rand, words, 1) },
		hours: 10 + Math.floor(rand() * 40),
		activityType: null,
		outcomeIds: [spec.learningOutcomes[n % spec.learningOutcomes.length].id]
	}));
	spec.assessments[0].outcomeIds = spec.learningOutcomes.map((o) => o.id);
	spec.topics = Array.from(new Set(words.slice(0, 3)));
	spec.ectsCredits = [1, 2, 3, 4, 5, 6, 10, 15][Math.floor(rand() * 8)];
	spec.workloadHours = spec.ectsCredits * 27;
	spec.eqfLevel = ([4, 5, 6, 6, 6, 7, 7, 8] as const)[Math.floor(rand() * 8)];
	spec.participationForm = PARTICIPATION_FORMS.concepts[Math.floor(rand() * 4)].uri;
	spec.fieldOfStudy = FIELDS[Math.floor(rand() * FIELDS.length)];
	return spec;
}

/** Subject words people search for, common and rare, Finnish inflections included. */
export const SEARCH_WORDS = [...EN.slice(0, 120), ...FI.slice(0, 120), ...SV.slice(0, 15)];

/** The worst case: a word nearly every course has. */
export const COMMON_WORDS = [...COMMON.en.slice(0, 8), ...COMMON.fi.slice(0, 8)];
