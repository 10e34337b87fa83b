import jsonld from 'jsonld';
import N3 from 'n3';
import type { Quad } from '@rdfjs/types';
import { CONTEXTS } from './standards';
import type { Violation } from './validation-types';

// JSON-LD → RDF for the SHACL check. Contexts come only from the vendored copies: a document naming any
// other context is refused, never fetched. Every key or value a JSON-LD processor would silently drop
// (a term no context defines, a relative IRI) is reported, because a dropped key is data an issuer
// never sees (standards README e: "every key you emit must map to a term").

const parsedContexts = new Map<string, unknown>();

function contextDocument(url: string): unknown {
	if (!parsedContexts.has(url)) parsedContexts.set(url, JSON.parse(CONTEXTS[url]));
	return parsedContexts.get(url);
}

class UnknownContextError extends Error {
	constructor(readonly url: string) {
		super(`The JSON-LD context ${url} is not one of the contexts this validator knows; it is not fetched.`);
	}
}

async function documentLoader(url: string) {
	if (!(url in CONTEXTS)) throw new UnknownContextError(url);
	return { contextUrl: null, documentUrl: url, document: contextDocument(url) };
}

// The events jsonld's own "safe mode" rejects: each one means part of the document is lost.
const LOSSY_EVENTS = new Set([
	'empty object',
	'free-floating scalar',
	'invalid @language value',
	'invalid property',
	'null @id value',
	'null @value value',
	'object with only @id',
	'object with only @language',
	'object with only @list',
	'object with only @value',
	'relative @id reference',
	'relative @type reference',
	'relative @vocab reference',
	'reserved @id value',
	'reserved @reverse value',
	'reserved term',
	'blank node predicate',
	'relative graph reference',
	'relative object reference',
	'relative predicate reference'
]);

interface JsonLdEvent {
	code: string;
	level: string;
	message: string;
	details?: Record<string, unknown>;
}

export interface RdfResult {
	quads: Quad[];
	violations: Violation[];
}

export async function toQuads(document: unknown): Promise<RdfResult> {
	const violations: Violation[] = [];
	const eventHandler = ({ event, next }: { event: JsonLdEvent; next: () => void }) => {
		if (LOSSY_EVENTS.has(event.code)) {
			const detail = event.details?.property ?? event.details?.value ?? event.details?.iri;
			violations.push({
				rule: `jsonld:${event.code.replace(/ /g, '-')}`,
				path: typeof detail === 'string' ? detail : undefined,
				message: `${event.message}${typeof detail === 'string' ? ` (${detail})` : ''}: it would be dropped when the document is read as linked data.`
			});
		}
		next();
	};
	try {
		const nquads = (await jsonld.toRDF(document, { format: 'application/n-quads', documentLoader, eventHandler })) as string;
		return { quads: new N3.Parser({ format: 'N-Quads' }).parse(nquads), violations };
	} catch (error) {
		const refused = causes(error).find((e): e is UnknownContextError => e instanceof UnknownContextError);
		const message = refused ? refused.message : `Not valid JSON-LD: ${(error as Error).message}`;
		return { quads: [], violations: [...violations, { rule: 'jsonld:invalid', message }] };
	}
}

/** jsonld wraps a loader's error in its own, under details.cause (sometimes twice). */
function causes(error: unknown): unknown[] {
	const chain: unknown[] = [];
	let current: unknown = error;
	while (current && chain.length < 5) {
		chain.push(current);
		const e = current as { cause?: unknown; details?: { cause?: unknown } };
		current = e.details?.cause ?? e.cause;
	}
	return chain;
}
