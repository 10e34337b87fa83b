import { describe, expect, it } from 'vitest';
import { classifyOutcomeVerb } from './outcome-verbs';

describe('classifyOutcomeVerb', () => {
	it.each([
		['Compare materials by their life-cycle impact.', 'observable'],
		['Critically evaluates supplier claims.', 'observable'],
		['The learner will be able to design a take-back scheme.', 'observable'],
		['Students are able to present a proposal.', 'observable'],
		['On completion of the course, participants can identify and describe hazards.', 'observable'],
		['1. Apply the method.', 'observable'],
		['Understand circular design.', 'vague'],
		['Students will know the main standards.', 'vague'],
		['Be aware of the legal framework.', 'vague'],
		['The learner can develop an understanding of LCA.', 'vague'],
		['Circular design basics.', 'unknown'],
		['   ', null]
	])('en: %s → %s', (text, verdict) => {
		expect(classifyOutcomeVerb(text, 'en')).toBe(verdict);
	});

	it.each([
		['Opiskelija osaa soveltaa kiertotalouden periaatteita.', 'observable'],
		['Opintojakson jälkeen opiskelija tunnistaa keskeiset riskit.', 'observable'],
		['Osaat arvioida materiaalivalintoja.', 'observable'],
		['Vertailee materiaaleja elinkaaren perusteella.', 'observable'],
		['Opiskelija ymmärtää kiertotalouden merkityksen.', 'vague'],
		['Tuntee alan standardit.', 'vague'],
		['Opiskelija on tietoinen lainsäädännöstä.', 'vague'],
		['Kiertotalouden perusteet.', 'unknown']
	])('fi: %s → %s', (text, verdict) => {
		expect(classifyOutcomeVerb(text, 'fi')).toBe(verdict);
	});

	it.each([
		['Studenten kan tillämpa principer för cirkulär design.', 'observable'],
		['Kan jämföra material utifrån deras livscykelpåverkan.', 'observable'],
		['Efter kursen ska studenten kunna analysera en produkts livscykel.', 'observable'],
		['Den studerande redogör för de viktigaste standarderna.', 'observable'],
		['Kritiskt granska leverantörers påståenden.', 'observable'],
		['Beskriver materialens egenskaper.', 'observable'],
		['Studenten förstår cirkulär ekonomi.', 'vague'],
		['Känna till lagstiftningen.', 'vague'],
		['Deltagaren ska vara medveten om riskerna.', 'vague'],
		['Grunderna i cirkulär design.', 'unknown']
	])('sv: %s → %s', (text, verdict) => {
		expect(classifyOutcomeVerb(text, 'sv')).toBe(verdict);
	});

	it('does not judge languages it has no verbs for', () => {
		expect(classifyOutcomeVerb('Verstehen Sie zirkuläres Design.', 'de')).toBeNull();
		expect(classifyOutcomeVerb('Förstå cirkulär design.', 'sv-FI')).toBe('vague');
		expect(classifyOutcomeVerb('Understand it.', 'en-GB')).toBe('vague');
	});
});
