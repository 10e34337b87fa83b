import N3, { DataFactory } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import type { Quad } from '@rdfjs/types';
import { SHAPE_GRAPHS } from './standards';
import type { Violation } from './validation-types';

// SHACL validation against the official ELM shapes. Shapes are parsed, and a validator built, once
// per process and shape set: building one costs about as much as a validation. Sharing it is safe
// because after its one-time import loading a validator's validate() runs synchronously to the end
// and starts every run with a fresh report, so two requests cannot interleave inside it.

export type ShapeSet = 'loq' | 'edc';

const ROOTS: Record<ShapeSet, string[]> = {
	// LOQ-constraints (structure) and LOQ-constraints-mdr (controlled vocabularies) are published
	// together for catalogue data; the EDC full profile imports its structural shapes itself.
	loq: ['http://data.europa.eu/snb/model/ap/loq-constraints', 'http://data.europa.eu/snb/model/ap/loq-constraints-mdr'],
	edc: ['http://data.europa.eu/snb/model/ap/edc-generic-full']
};

/**
 * owl:imports of the shape files that are vocabularies (or, for ams-constraints, the accreditation
 * profile, whose classes no export of ours contains): they hold no shapes to check against, so they
 * resolve to an empty graph. An import not listed here or in SHAPE_GRAPHS fails loudly.
 */
const VOCABULARY_IMPORTS = new Set([
	'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
	'http://purl.org/dc/terms/',
	'http://www.w3.org/ns/org#',
	'http://www.w3.org/ns/adms#',
	'http://xmlns.com/foaf/0.1/',
	'http://data.europa.eu/snb/model/elm/',
	'http://www.w3.org/2004/02/skos/core#',
	'http://data.europa.eu/m8g/',
	'http://www.w3.org/ns/locn#',
	'http://www.w3.org/ns/shacl#',
	'http://data.europa.eu/snb/model/ap/ams-constraints/',
	// The mdr file names LOQ-constraints by an https IRI with a slash; it is loaded as a root already.
	'https://data.europa.eu/snb/model/ap/loq-constraints/'
]);

const SH = 'http://www.w3.org/ns/shacl#';

const parsed = new Map<string, Quad[]>();

function shapeGraph(iri: string): Quad[] {
	if (!parsed.has(iri)) parsed.set(iri, javaPatternsToJs(new N3.Parser().parse(SHAPE_GRAPHS[iri])));
	return parsed.get(iri)!;
}

/**
 * The LOQ shapes were written for a Java engine: one URL pattern starts with Java's inline flag
 * `(?i)`, which a JavaScript RegExp refuses. It becomes the same pattern with sh:flags "i". (Java's
 * nested character classes in the IPv6-host branch read differently in JavaScript; that only matters
 * for URLs with an IPv6 literal host, which no export contains.)
 */
function javaPatternsToJs(quads: Quad[]): Quad[] {
	return quads.flatMap((quad) => {
		if (quad.predicate.value !== `${SH}pattern` || !quad.object.value.startsWith('^(?i)')) return [quad];
		const { subject, predicate, graph } = quad;
		return [
			DataFactory.quad(subject, predicate, DataFactory.literal(`^${quad.object.value.slice(5)}`), graph),
			DataFactory.quad(subject, DataFactory.namedNode(`${SH}flags`), DataFactory.literal('i'), graph)
		] as Quad[];
	});
}

function importGraph(iri: { value: string }) {
	if (iri.value in SHAPE_GRAPHS) return new N3.Store(shapeGraph(iri.value));
	if (VOCABULARY_IMPORTS.has(iri.value)) return new N3.Store();
	throw new Error(`SHACL shapes import ${iri.value}, which is not vendored.`);
}

const validators = new Map<ShapeSet, SHACLValidator>();

function validatorFor(set: ShapeSet): SHACLValidator {
	if (!validators.has(set)) validators.set(set, new SHACLValidator(new N3.Store(ROOTS[set].flatMap(shapeGraph)), { importGraph }));
	return validators.get(set)!;
}

export async function validateShacl(set: ShapeSet, quads: Quad[]): Promise<{ violations: Violation[]; warnings: Violation[] }> {
	const report = await validatorFor(set).validate(new N3.Store(quads));
	const violations: Violation[] = [];
	const warnings: Violation[] = [];
	const seen = new Set<string>();
	for (const result of report.results) {
		// The structural and the vocabulary files repeat some constraints (an address's country): one finding each.
		const key = [result.sourceConstraintComponent?.value, result.focusNode?.value, result.path?.value, result.value?.value].join(' ');
		if (seen.has(key)) continue;
		seen.add(key);
		const component = result.sourceConstraintComponent?.value.replace(SH, '') ?? 'Constraint';
		const entry: Violation = {
			rule: `shacl:${component}`,
			path: result.path?.value,
			focusNode: result.focusNode?.value,
			message: describe(component, result.path?.value, result.message.map((m) => m.value).join(' '), result.value?.value)
		};
		(result.severity?.value === `${SH}Violation` ? violations : warnings).push(entry);
	}
	return { violations, warnings };
}

const localName = (iri: string | undefined) => iri?.replace(/^.*[/#]/, '') ?? '';

function describe(component: string, path: string | undefined, message: string, value: string | undefined): string {
	const property = localName(path);
	switch (component) {
		case 'MinCountConstraintComponent':
			return `${property} is required (${message.toLowerCase()}).`;
		case 'MaxCountConstraintComponent':
			return `${property} allows fewer values (${message.toLowerCase()}).`;
		case 'ClosedConstraintComponent':
			return `${property || localName(value)} is not allowed here by the profile (closed shape).`;
		default:
			return `${property ? `${property}: ` : ''}${message}${value ? ` (${value})` : ''}`;
	}
}
