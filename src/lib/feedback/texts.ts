import { m } from '$lib/paraglide/messages';
import type { FeedbackPerspective, QuestionRole } from './model';

// What participants read, in the language a round's form is in: the generated questions and every
// word of the participant pages. The team's own pages stay in English like the rest of the app.

export const FORM_LANGUAGES = ['en', 'fi', 'sv'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/** Each form language named in the reader's interface language (getters: read when shown). */
export const FORM_LANGUAGE_NAMES = Object.defineProperties({} as Record<FormLanguage, string>, {
	en: { enumerable: true, get: () => m.feedback_language_en() },
	fi: { enumerable: true, get: () => m.feedback_language_fi() },
	sv: { enumerable: true, get: () => m.feedback_language_sv() }
});

export const isFormLanguage = (value: string): value is FormLanguage => (FORM_LANGUAGES as readonly string[]).includes(value);

interface GeneratedQuestionText {
	prompt: string;
	/** Labels of the lowest and highest value, for scales. */
	scale?: [string, string];
}

export interface FormTexts {
	locale: string;
	questions: Record<Exclude<QuestionRole, 'custom'>, GeneratedQuestionText>;
	customScale: [string, string];
	perspectives: Record<FeedbackPerspective, string>;
	sections: { about: string; outcomes: string; modules: string; overall: string; more: string };
	outcomeLabel: (n: number) => string;
	moduleLabel: (n: number) => string;
	plannedHours: (hours: number) => string;
	hoursUnit: string;
	required: string;
	optional: string;
	perspectiveLegend: string;
	nameLabel: string;
	anonymousNote: string;
	namedNote: string;
	personalNote: (closes: string) => string;
	closesNote: (closes: string) => string;
	draftNote: string;
	submit: string;
	saveChanges: string;
	errorSummary: (count: number) => string;
	errors: {
		required: string;
		chooseOne: string;
		scale: (min: number, max: number) => string;
		hours: string;
		hoursRange: (max: number) => string;
		tooLong: (max: number) => string;
		control: string;
		name: string;
		perspective: string;
		rateLimited: (minutes: number) => string;
	};
	status: {
		scheduledTitle: string;
		scheduledBody: (opens: string) => string;
		closedTitle: string;
		closedBody: (closed: string) => string;
		fullTitle: string;
		fullBody: string;
		revokedTitle: string;
		revokedBody: string;
	};
	mail: {
		inviteSubject: (course: string) => string;
		reminderSubject: (course: string) => string;
		body: (p: { course: string; round: string; intro: string; url: string; closes: string; reminder: boolean }) => string;
	};
	thanks: {
		title: string;
		body: string;
		anonymous: string;
		personal: (closes: string) => string;
		again: string;
	};
}

const EN: FormTexts = {
	locale: 'en-GB',
	questions: {
		relevance: { prompt: 'How relevant is this outcome to your work or studies?', scale: ['Not relevant', 'Very relevant'] },
		clarity: { prompt: 'How clear is it what this outcome expects you to be able to do?', scale: ['Not clear', 'Very clear'] },
		outcome_comment: { prompt: 'Comments on this outcome' },
		hours: { prompt: 'How many hours did you actually spend on this module?' },
		module_change: { prompt: 'What would you change in this module?' },
		recommend: {
			prompt: 'How likely are you to recommend this course to a friend or colleague?',
			scale: ['Not at all likely', 'Extremely likely']
		},
		most_useful: { prompt: 'What was the most useful part of the course?' },
		least_useful: { prompt: 'What was the least useful part?' },
		comment: { prompt: 'Is there anything else you would like to tell us?' }
	},
	customScale: ['Lowest', 'Highest'],
	perspectives: { student: 'Student', company_partner: 'Company partner or entrepreneur', other: 'Other' },
	sections: { about: 'About you', outcomes: 'Learning outcomes', modules: 'Modules', overall: 'The course as a whole', more: 'More questions' },
	outcomeLabel: (n) => `Learning outcome ${n}`,
	moduleLabel: (n) => `Module ${n}`,
	plannedHours: (hours) => `Planned: ${hours} hours`,
	hoursUnit: 'hours',
	required: 'required',
	optional: 'optional',
	perspectiveLegend: 'You answer as',
	nameLabel: 'Your name',
	anonymousNote: 'Your answers are anonymous: the team sees them without your name or email address.',
	namedNote: 'The course team sees your name with your answers.',
	personalNote: (closes) => `This link is yours: you can come back and change your answers until ${closes}.`,
	closesNote: (closes) => `Open until ${closes}.`,
	draftNote: 'Your answers are kept on this device until you send them.',
	submit: 'Send my feedback',
	saveChanges: 'Save my changes',
	errorSummary: (count) => (count === 1 ? 'One answer needs your attention.' : `${count} answers need your attention.`),
	errors: {
		required: 'Please answer this question.',
		chooseOne: 'Choose one of the options.',
		scale: (min, max) => `Choose a number from ${min} to ${max}.`,
		hours: 'Give the hours as a number, for example 12 or 7.5.',
		hoursRange: (max) => `Give a number of hours from 0 to ${max}.`,
		tooLong: (max) => `Keep your answer to ${max} characters or fewer.`,
		control: 'Your answer contains an invisible control character, perhaps from copying and pasting. Retype it without it.',
		name: 'Please give your name.',
		perspective: 'Choose how you answer.',
		rateLimited: (minutes) =>
			`Many responses have just been sent from your network, so we cannot take yours right now. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}: your answers stay on this page.`
	},
	status: {
		scheduledTitle: 'This feedback round has not opened yet',
		scheduledBody: (opens) => `It opens on ${opens}. Come back then with the same link.`,
		closedTitle: 'This feedback round has closed',
		closedBody: (closed) => `It closed on ${closed}, so answers can no longer be sent or changed. Thank you for your interest.`,
		fullTitle: 'This round has all the responses it asked for',
		fullBody: 'The team asked for a set number of answers through this link, and they have all arrived. Thank you for your interest.',
		revokedTitle: 'This link no longer works',
		revokedBody: 'The course team has switched this link off. If you were asked to answer, ask them for a new link.'
	},
	mail: {
		inviteSubject: (course) => `Your feedback on “${course}”`,
		reminderSubject: (course) => `Reminder: your feedback on “${course}”`,
		body: ({ course, round, intro, url, closes, reminder }) =>
			[
				reminder ? `This is a reminder: we would still like to hear from you about “${course}”.` : `We would like your feedback on “${course}” (${round}).`,
				intro,
				`Answer here, on any device, with no account needed:\n${url}`,
				`The link is personal: please do not share it. You can change your answers with it until ${closes}.`
			]
				.filter(Boolean)
				.join('\n\n')
	},
	thanks: {
		title: 'Thank you for your feedback',
		body: 'Your answers go to the team writing this course. They read every answer, decide what to change, and record each change in the next version of the course, where the published course lists what participants said and what was changed.',
		anonymous: 'Your answers are anonymous: they are not stored with your name or email address.',
		personal: (closes) => `You can open the same link again to change your answers until ${closes}.`,
		again: 'Back to my answers'
	}
};

const FI: FormTexts = {
	locale: 'fi-FI',
	questions: {
		relevance: { prompt: 'Kuinka tärkeä tämä osaamistavoite on työsi tai opintojesi kannalta?', scale: ['Ei tärkeä', 'Erittäin tärkeä'] },
		clarity: { prompt: 'Kuinka selvästi tavoite kertoo, mitä sinun odotetaan osaavan?', scale: ['Epäselvä', 'Erittäin selkeä'] },
		outcome_comment: { prompt: 'Kommentteja tästä tavoitteesta' },
		hours: { prompt: 'Kuinka monta tuntia käytit tähän moduuliin todellisuudessa?' },
		module_change: { prompt: 'Mitä muuttaisit tässä moduulissa?' },
		recommend: {
			prompt: 'Kuinka todennäköisesti suosittelisit tätä kurssia ystävälle tai kollegalle?',
			scale: ['Erittäin epätodennäköisesti', 'Erittäin todennäköisesti']
		},
		most_useful: { prompt: 'Mikä kurssissa oli hyödyllisintä?' },
		least_useful: { prompt: 'Mikä oli vähiten hyödyllistä?' },
		comment: { prompt: 'Haluatko kertoa meille vielä jotain?' }
	},
	customScale: ['Heikoin', 'Paras'],
	perspectives: { student: 'Opiskelija', company_partner: 'Yrityskumppani tai yrittäjä', other: 'Muu' },
	sections: { about: 'Sinusta', outcomes: 'Osaamistavoitteet', modules: 'Moduulit', overall: 'Kurssi kokonaisuutena', more: 'Lisäkysymykset' },
	outcomeLabel: (n) => `Osaamistavoite ${n}`,
	moduleLabel: (n) => `Moduuli ${n}`,
	plannedHours: (hours) => `Suunniteltu: ${String(hours).replace('.', ',')} tuntia`,
	hoursUnit: 'tuntia',
	required: 'pakollinen',
	optional: 'vapaaehtoinen',
	perspectiveLegend: 'Vastaat roolissa',
	nameLabel: 'Nimesi',
	anonymousNote: 'Vastauksesi ovat nimettömiä: kurssitiimi näkee ne ilman nimeäsi tai sähköpostiosoitettasi.',
	namedNote: 'Kurssitiimi näkee nimesi vastaustesi yhteydessä.',
	personalNote: (closes) => `Tämä linkki on henkilökohtainen: voit palata muuttamaan vastauksiasi ${closes} asti.`,
	closesNote: (closes) => `Avoinna ${closes} asti.`,
	draftNote: 'Vastauksesi säilyvät tällä laitteella, kunnes lähetät ne.',
	submit: 'Lähetä palautteeni',
	saveChanges: 'Tallenna muutokset',
	errorSummary: (count) => (count === 1 ? 'Yksi vastaus vaatii huomiotasi.' : `${count} vastausta vaatii huomiotasi.`),
	errors: {
		required: 'Vastaa tähän kysymykseen.',
		chooseOne: 'Valitse jokin vaihtoehdoista.',
		scale: (min, max) => `Valitse luku väliltä ${min}–${max}.`,
		hours: 'Anna tunnit numerona, esimerkiksi 12 tai 7,5.',
		hoursRange: (max) => `Anna tuntimäärä väliltä 0–${max}.`,
		tooLong: (max) => `Vastauksessa voi olla enintään ${max} merkkiä.`,
		control: 'Vastauksessa on näkymätön ohjausmerkki, ehkä kopioinnin jäljiltä. Kirjoita vastaus uudelleen ilman sitä.',
		name: 'Kerro nimesi.',
		perspective: 'Valitse, missä roolissa vastaat.',
		rateLimited: (minutes) =>
			`Verkostasi on juuri lähetetty paljon vastauksia, joten emme voi ottaa vastaustasi nyt vastaan. Yritä uudelleen ${minutes} minuutin kuluttua: vastauksesi pysyvät tällä sivulla.`
	},
	status: {
		scheduledTitle: 'Tämä palautekierros ei ole vielä alkanut',
		scheduledBody: (opens) => `Se alkaa ${opens}. Palaa silloin samalla linkillä.`,
		closedTitle: 'Tämä palautekierros on päättynyt',
		closedBody: (closed) => `Se päättyi ${closed}, joten vastauksia ei voi enää lähettää tai muuttaa. Kiitos kiinnostuksestasi.`,
		fullTitle: 'Kierros on saanut kaikki pyydetyt vastaukset',
		fullBody: 'Kurssitiimi pyysi tämän linkin kautta tietyn määrän vastauksia, ja ne ovat kaikki saapuneet. Kiitos kiinnostuksestasi.',
		revokedTitle: 'Tämä linkki ei ole enää käytössä',
		revokedBody: 'Kurssitiimi on poistanut linkin käytöstä. Jos sinua pyydettiin vastaamaan, pyydä heiltä uusi linkki.'
	},
	mail: {
		inviteSubject: (course) => `Palautteesi kurssista ”${course}”`,
		reminderSubject: (course) => `Muistutus: palautteesi kurssista ”${course}”`,
		body: ({ course, round, intro, url, closes, reminder }) =>
			[
				reminder ? `Muistutamme: haluaisimme yhä kuulla mielipiteesi kurssista ”${course}”.` : `Pyydämme palautettasi kurssista ”${course}” (${round}).`,
				intro,
				`Vastaa täällä, millä tahansa laitteella, ilman tunnusta:\n${url}`,
				`Linkki on henkilökohtainen: älä jaa sitä. Voit muuttaa vastauksiasi sen kautta ${closes} asti.`
			]
				.filter(Boolean)
				.join('\n\n')
	},
	thanks: {
		title: 'Kiitos palautteestasi',
		body: 'Vastauksesi menevät kurssia kirjoittavalle tiimille. He lukevat jokaisen vastauksen, päättävät mitä muutetaan ja kirjaavat muutokset kurssin seuraavaan versioon, jossa julkaistu kurssi kertoo, mitä osallistujat sanoivat ja mitä muutettiin.',
		anonymous: 'Vastauksesi ovat nimettömiä: niitä ei tallenneta nimesi tai sähköpostiosoitteesi kanssa.',
		personal: (closes) => `Voit avata saman linkin uudelleen ja muuttaa vastauksiasi ${closes} asti.`,
		again: 'Takaisin vastauksiini'
	}
};

const SV: FormTexts = {
	locale: 'sv-FI',
	questions: {
		relevance: { prompt: 'Hur relevant är det här lärandemålet för ditt arbete eller dina studier?', scale: ['Inte relevant', 'Mycket relevant'] },
		clarity: { prompt: 'Hur tydligt beskriver målet vad du förväntas kunna?', scale: ['Otydligt', 'Mycket tydligt'] },
		outcome_comment: { prompt: 'Kommentarer om det här lärandemålet' },
		hours: { prompt: 'Hur många timmar lade du faktiskt på den här modulen?' },
		module_change: { prompt: 'Vad skulle du ändra i den här modulen?' },
		recommend: {
			prompt: 'Hur troligt är det att du skulle rekommendera kursen till en vän eller kollega?',
			scale: ['Inte alls troligt', 'Mycket troligt']
		},
		most_useful: { prompt: 'Vad var mest användbart i kursen?' },
		least_useful: { prompt: 'Vad var minst användbart?' },
		comment: { prompt: 'Vill du berätta något mer för oss?' }
	},
	customScale: ['Lägst', 'Högst'],
	perspectives: { student: 'Studerande', company_partner: 'Företagspartner eller företagare', other: 'Annat' },
	sections: { about: 'Om dig', outcomes: 'Lärandemål', modules: 'Moduler', overall: 'Kursen som helhet', more: 'Fler frågor' },
	outcomeLabel: (n) => `Lärandemål ${n}`,
	moduleLabel: (n) => `Modul ${n}`,
	plannedHours: (hours) => `Planerat: ${String(hours).replace('.', ',')} timmar`,
	hoursUnit: 'timmar',
	required: 'obligatorisk',
	optional: 'frivillig',
	perspectiveLegend: 'Du svarar som',
	nameLabel: 'Ditt namn',
	anonymousNote: 'Dina svar är anonyma: teamet ser dem utan ditt namn eller din e-postadress.',
	namedNote: 'Kursteamet ser ditt namn tillsammans med dina svar.',
	personalNote: (closes) => `Länken är personlig: du kan komma tillbaka och ändra dina svar till ${closes}.`,
	closesNote: (closes) => `Öppen till ${closes}.`,
	draftNote: 'Dina svar sparas på den här enheten tills du skickar dem.',
	submit: 'Skicka min feedback',
	saveChanges: 'Spara mina ändringar',
	errorSummary: (count) => (count === 1 ? 'Ett svar behöver din uppmärksamhet.' : `${count} svar behöver din uppmärksamhet.`),
	errors: {
		required: 'Svara på den här frågan.',
		chooseOne: 'Välj ett av alternativen.',
		scale: (min, max) => `Välj ett tal från ${min} till ${max}.`,
		hours: 'Ange timmarna som ett tal, till exempel 12 eller 7,5.',
		hoursRange: (max) => `Ange ett antal timmar från 0 till ${max}.`,
		tooLong: (max) => `Håll svaret till högst ${max} tecken.`,
		control: 'Svaret innehåller ett osynligt styrtecken, kanske från kopiering. Skriv om svaret utan det.',
		name: 'Ange ditt namn.',
		perspective: 'Välj i vilken roll du svarar.',
		rateLimited: (minutes) =>
			`Många svar har just skickats från ditt nätverk, så vi kan inte ta emot ditt just nu. Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}: dina svar finns kvar på sidan.`
	},
	status: {
		scheduledTitle: 'Den här feedbackomgången har inte öppnat än',
		scheduledBody: (opens) => `Den öppnar ${opens}. Kom tillbaka då med samma länk.`,
		closedTitle: 'Den här feedbackomgången är stängd',
		closedBody: (closed) => `Den stängde ${closed}, så svar kan inte längre skickas eller ändras. Tack för ditt intresse.`,
		fullTitle: 'Omgången har fått alla svar den bad om',
		fullBody: 'Teamet bad om ett visst antal svar via den här länken, och alla har kommit in. Tack för ditt intresse.',
		revokedTitle: 'Länken fungerar inte längre',
		revokedBody: 'Kursteamet har stängt av länken. Om du ombads svara, be dem om en ny länk.'
	},
	mail: {
		inviteSubject: (course) => `Din feedback på ”${course}”`,
		reminderSubject: (course) => `Påminnelse: din feedback på ”${course}”`,
		body: ({ course, round, intro, url, closes, reminder }) =>
			[
				reminder ? `En påminnelse: vi vill fortfarande gärna höra vad du tycker om ”${course}”.` : `Vi vill gärna ha din feedback på ”${course}” (${round}).`,
				intro,
				`Svara här, på vilken enhet som helst, utan konto:\n${url}`,
				`Länken är personlig: dela den inte. Du kan ändra dina svar med den till ${closes}.`
			]
				.filter(Boolean)
				.join('\n\n')
	},
	thanks: {
		title: 'Tack för din feedback',
		body: 'Dina svar går till teamet som skriver kursen. De läser varje svar, bestämmer vad som ska ändras och för in ändringarna i kursens nästa version, där den publicerade kursen visar vad deltagarna sa och vad som ändrades.',
		anonymous: 'Dina svar är anonyma: de sparas inte med ditt namn eller din e-postadress.',
		personal: (closes) => `Du kan öppna samma länk igen och ändra dina svar till ${closes}.`,
		again: 'Tillbaka till mina svar'
	}
};

const TEXTS: Record<FormLanguage, FormTexts> = { en: EN, fi: FI, sv: SV };

export function formTexts(language: string): FormTexts {
	return isFormLanguage(language) ? TEXTS[language] : EN;
}

/** A moment as participants read it, in the round's time zone, e.g. "12 March 2027 at 16:00 EET". */
export function formatMoment(date: Date, language: string, timeZone: string): string {
	return new Intl.DateTimeFormat(formTexts(language).locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		// Named ("EET", "GMT+2"): a participant may be somewhere else than the team.
		timeZoneName: 'short',
		timeZone
	}).format(date);
}
