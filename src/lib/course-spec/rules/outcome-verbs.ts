import type { LangCode } from '../types';

// Is a learning outcome phrased with an observable action verb? Verb lists follow the revised
// Bloom taxonomy as used in European outcome-writing guides (Cedefop 2017): verbs whose result can
// be seen or assessed count; "understand", "know", "be aware of" and the like do not. A list can
// never be complete, so a verb it does not know is reported as unknown, not as wrong. Swedish
// verbs follow the same taxonomy as Swedish universities' outcome guides use it (e.g. "redogöra för",
// "tillämpa", "värdera"); "känna till" and "förstå" are the vague ones there too.

export type VerbVerdict = 'observable' | 'vague' | 'unknown';

interface Lexicon {
	observable: Set<string>;
	vague: Set<string>;
	/** Multi-word vague openings, checked before single verbs ("develop an understanding"). */
	vaguePhrases: string[];
	/** Openings such as "The learner will be able to", removed before looking for the verb. */
	prefixes: RegExp[];
	/** Words to step over before the verb (adverbs such as "critically"). */
	isAdverb: (word: string) => boolean;
	/** Forms to look up for an inflected verb. */
	forms: (word: string) => string[];
}

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

const EN: Lexicon = {
	observable: words(`
		define list name identify recall recognise recognize state label match outline reproduce locate cite record
		describe explain summarise summarize classify compare contrast discuss distinguish interpret illustrate paraphrase
		exemplify infer predict translate report review estimate
		apply use demonstrate implement execute solve calculate compute operate perform prepare practise practice modify
		show sketch employ conduct administer carry
		analyse analyze differentiate examine investigate organise organize categorise categorize test diagnose map model
		measure prioritise prioritize attribute deconstruct
		evaluate assess critique criticise criticize judge justify argue defend appraise recommend validate verify monitor
		rate select choose determine specify
		create design develop construct produce plan formulate compose build devise generate propose write draft program
		prototype invent integrate combine adapt present communicate document negotiate lead manage facilitate collaborate
		coordinate deliver configure install maintain troubleshoot optimise optimize visualise visualize draw reflect
		interview`),
	vague: words(`
		understand know appreciate learn grasp comprehend realise realize believe internalise internalize familiarise
		familiarize`),
	vaguePhrases: [
		'be aware',
		'be familiar',
		'be acquainted',
		'be exposed',
		'become aware',
		'become familiar',
		'have knowledge',
		'have an understanding',
		'have a basic understanding',
		'gain an understanding',
		'gain knowledge',
		'gain insight',
		'develop an understanding',
		'develop knowledge',
		'get to know'
	],
	prefixes: [
		/^(?:.*?\s)?(?:learners?|students?|participants?|graduates?|you)\s+(?:(?:will|should|must|can|could|are able to|is able to|be able to)\s+)+/,
		/^(?:.*?\s)?(?:will\s+)?be able to\s+/
	],
	isAdverb: (w) => w.endsWith('ly') || w === 'and',
	forms: (w) => [w, w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, '')]
};

const FI: Lexicon = {
	observable: words(`
		analysoida analysoi arvioida arvioi kuvata kuvaa kuvailla kuvailee selittää soveltaa suunnitella suunnittelee
		toteuttaa laatia laatii laskea laskee luoda luo vertailla vertailee tunnistaa nimetä nimeää määritellä määrittelee
		perustella perustelee käyttää ratkaista ratkaisee esittää kehittää rakentaa ohjelmoida ohjelmoi testata testaa
		mitata mittaa tulkita tulkitsee valita valitsee luokitella luokittelee eritellä erittelee hyödyntää dokumentoida
		dokumentoi raportoida raportoi argumentoida argumentoi johtaa ohjata ohjaa organisoida organisoi priorisoida
		priorisoi havainnollistaa muotoilla muotoilee tuottaa kirjoittaa mallintaa simuloida simuloi optimoida optimoi
		integroida integroi kritisoida kritisoi yhdistää jäsentää tiivistää ennustaa päätellä päättelee demonstroida
		demonstroi esitellä esittelee luetella luettelee erottaa suorittaa viestiä viestii neuvotella neuvottelee
		koordinoida koordinoi ylläpitää asentaa konfiguroida konfiguroi keskustella keskustelee pohtia pohtii reflektoida
		reflektoi ideoida ideoi muodostaa piirtää tarkastella tarkastelee selvittää tutkia tutkii todentaa varmistaa valvoa
		valvoo haastatella haastattelee`),
	vague: words(`
		ymmärtää ymmärtävät tietää tietävät tuntea tuntee tiedostaa omaksua omaksuu oppia oppii perehtyä perehtyy tutustua
		tutustuu hallita hallitsee`),
	vaguePhrases: ['on tietoinen', 'olla tietoinen', 'saa käsityksen', 'saada käsitys', 'saa tietoa'],
	prefixes: [
		/^(?:.*?\s)?(?:opiskelijat?|oppijat?|osallistujat?)\s+(?:(?:osaa|osaavat|pystyy|pystyvät|kykenee|kykenevät)\s+)?/,
		/^(?:osaat|pystyt|kykenet|osaa|pystyy|kykenee)\s+/
	],
	isAdverb: (w) => w.endsWith('sti') || w === 'ja',
	forms: (w) => [w]
};

// Swedish outcomes are written as "Studenten kan …", "Efter kursen ska studenten kunna …" or
// with the verb alone, in the infinitive ("analysera") or the present ("analyserar", "beskriver").
const SV: Lexicon = {
	observable: words(`
		definiera namnge lista identifiera ange återge lokalisera citera registrera
		beskriva förklara sammanfatta klassificera kategorisera jämföra diskutera särskilja skilja tolka illustrera
		exemplifiera förutsäga översätta rapportera redogöra
		tillämpa använda demonstrera visa genomföra implementera lösa beräkna räkna hantera utföra förbereda modifiera
		skissa
		analysera undersöka utreda granska organisera strukturera testa diagnostisera kartlägga modellera mäta prioritera
		utvärdera bedöma värdera kritisera motivera argumentera försvara rekommendera validera verifiera övervaka välja
		bestämma specificera
		skapa designa utforma utveckla konstruera producera framställa planera formulera komponera bygga generera föreslå
		skriva programmera prototypa integrera kombinera anpassa presentera kommunicera dokumentera förhandla leda
		samordna koordinera leverera konfigurera installera underhålla felsöka optimera visualisera rita reflektera
		intervjua sammanställa tillverka simulera`),
	vague: words(`förstå förstår veta vet inse inser begripa begriper lära lär uppleva upplever`),
	vaguePhrases: [
		'känna till',
		'känner till',
		'vara medveten',
		'är medveten',
		'vara bekant',
		'är bekant',
		'bli bekant',
		'ha kunskap',
		'har kunskap',
		'ha kännedom',
		'har kännedom',
		'ha förståelse',
		'har förståelse',
		'få förståelse',
		'få kunskap',
		'få insikt',
		'få kännedom'
	],
	prefixes: [
		/^(?:.*?\s)?(?:studenten|studenterna|studerande|studeranden|deltagaren|deltagarna|eleven|eleverna|du)\s+(?:(?:ska|skall|kan|bör|förväntas|förmår)\s+)*(?:kunna\s+)?/,
		/^(?:.*?\s)?(?:ska|skall)\s+kunna\s+/,
		/^(?:kan|kunna)\s+/
	],
	isAdverb: (w) => w.endsWith('t') || w === 'och',
	// Present tense: "analyserar" → "analysera", "beskriver" → "beskriva", "redogör" → "redogöra".
	forms: (w) => [w, w.replace(/r$/, ''), w.replace(/er$/, 'a'), w + 'a']
};

const LEXICONS: Record<string, Lexicon> = { en: EN, fi: FI, sv: SV };

/** Whether outcomes in this language can be checked (English, Finnish and Swedish, any region). */
export const canCheckVerbs = (lang: LangCode): boolean => lexiconFor(lang) !== undefined;

function lexiconFor(lang: LangCode): Lexicon | undefined {
	return LEXICONS[lang.split('-')[0].toLowerCase()];
}

function verdictOf(text: string, lexicon: Lexicon): Exclude<VerbVerdict, 'unknown'> | null {
	if (lexicon.vaguePhrases.some((p) => text === p || text.startsWith(p + ' '))) return 'vague';
	const inList = (word: string, list: Set<string>) => lexicon.forms(word).some((f) => list.has(f));
	const isVerb = (word: string) => inList(word, lexicon.vague) || inList(word, lexicon.observable);
	// "apply" ends like an adverb, so a known verb is never stepped over.
	const verb = text.split(' ').find((w) => isVerb(w) || !lexicon.isAdverb(w));
	if (!verb) return null;
	if (inList(verb, lexicon.vague)) return 'vague';
	if (inList(verb, lexicon.observable)) return 'observable';
	return null;
}

/**
 * Classifies the outcome's leading verb, looking past openings such as "Students are able to" or
 * "Opiskelija osaa". Returns null for an empty text or a language without a verb list.
 */
export function classifyOutcomeVerb(outcome: string, lang: LangCode): VerbVerdict | null {
	const lexicon = lexiconFor(lang);
	const text = outcome
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
		.replace(/^[\s\d-]+/, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (!lexicon || text === '') return null;
	const direct = verdictOf(text, lexicon);
	if (direct) return direct;
	for (const prefix of lexicon.prefixes) {
		const rest = text.replace(prefix, '');
		const verdict = rest !== text ? verdictOf(rest, lexicon) : null;
		if (verdict) return verdict;
	}
	return 'unknown';
}
