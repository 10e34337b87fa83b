// Type declarations for the two RDF packages that ship none, covering only what this folder uses.

declare module 'jsonld' {
	interface ToRdfOptions {
		format?: 'application/n-quads';
		documentLoader?: (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
		eventHandler?: (handler: { event: { code: string; level: string; message: string; details?: Record<string, unknown> }; next: () => void }) => void;
		safe?: boolean;
	}
	const jsonld: { toRDF(input: unknown, options: ToRdfOptions): Promise<unknown> };
	export default jsonld;
}

declare module 'n3' {
	import type { DatasetCore, Quad } from '@rdfjs/types';
	export class Parser {
		constructor(options?: { format?: string; baseIRI?: string });
		parse(input: string): Quad[];
	}
	export class Store implements DatasetCore {
		constructor(quads?: Quad[]);
		readonly size: number;
		add(quad: Quad): this;
		delete(quad: Quad): this;
		has(quad: Quad): boolean;
		match(...args: Parameters<DatasetCore['match']>): DatasetCore;
		[Symbol.iterator](): Iterator<Quad>;
	}
	export const DataFactory: import('@rdfjs/types').DataFactory<Quad>;
	const N3: { Parser: typeof Parser; Store: typeof Store; DataFactory: typeof DataFactory };
	export default N3;
}
