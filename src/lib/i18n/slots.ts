// A sentence with an element inside it ("Published at <a>address</a>.", "shown in <span lang>svenska</span>")
// stays one message, since word order differs between languages: the element's place is a marker
// passed as the parameter's value, and the component renders the pieces around it.

const MARK = '\u{F8FF}';

/** The stand-in for an element in a message's parameter: `m.key({ link: slot('link') })`. */
export const slot = (name: string): string => `${MARK}${name}${MARK}`;

export type SentencePart = { text: string; slot?: undefined } | { slot: string; text?: undefined };

/** A message's text cut at its slots, in order: text runs and the names of the elements between them. */
export function splitSlots(text: string): SentencePart[] {
	return text
		.split(MARK)
		.map((piece, i): SentencePart => (i % 2 === 1 ? { slot: piece } : { text: piece }))
		.filter((part) => part.slot !== undefined || part.text !== '');
}
