import type { RichTextDoc } from './types';

// C0 control characters other than tab and newline, and UTF-16 halves without their other half:
// nothing a person means to write, and PostgreSQL refuses U+0000 and lone surrogates in jsonb.
const UNWRITABLE = /[\u0000-\u0008\u000B-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
	return text.replace(UNWRITABLE, '');
}

type JsonNode = { text?: unknown; content?: unknown; attrs?: unknown; marks?: unknown };

/** The rich text with every string cleaned; text nodes left empty are dropped (ProseMirror refuses them). */
export function cleanRichText(doc: RichTextDoc): RichTextDoc {
	return cleanValue(doc) as RichTextDoc;
}

function cleanValue(value: unknown): unknown {
	if (typeof value === 'string') return cleanText(value);
	if (Array.isArray(value)) {
		return value.map(cleanValue).filter((v) => !(isNode(v) && typeof v.text === 'string' && v.text === ''));
	}
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanValue(v)]));
	}
	return value;
}

const isNode = (v: unknown): v is JsonNode => typeof v === 'object' && v !== null && !Array.isArray(v);
