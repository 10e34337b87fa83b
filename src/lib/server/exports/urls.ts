import type { LangCode } from './types';

/** The URL of one language edition of an export: the same URL with `lang` set. */
export function languageEdition(url: string, lang: LangCode): string {
	const edition = new URL(url);
	edition.searchParams.set('lang', lang);
	return edition.href;
}

/** A node id inside a document: the document's URL with a fragment, so ids stay stable per version. */
export function fragment(url: string, name: string): string {
	const node = new URL(url);
	node.hash = name;
	return node.href;
}
