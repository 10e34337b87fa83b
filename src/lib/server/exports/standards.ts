import ob3Schema from './standards/openbadges3/ob_v3p0_achievementcredential_schema.json';
import edcSchema from './standards/elm/jsonschema/ebsi-vcdm2.0-europass-edc-schema.json';
import edcContext from './standards/elm/edc-ap-context.jsonld?raw';
import credentialsV1 from './standards/w3c/credentials-v1.jsonld?raw';
import loqShapes from './standards/elm/shacl/LOQ-constraints.ttl?raw';
import loqMdrShapes from './standards/elm/shacl/LOQ-constraints-mdr.ttl?raw';
import edcFullShapes from './standards/elm/shacl/EDC-generic-full.ttl?raw';
import edcNoCvShapes from './standards/elm/shacl/EDC-generic-no-cv.ttl?raw';

// The official schemas, contexts and shapes, vendored under ./standards (provenance and licences in
// ./standards/SOURCES.md). They are bundled into the server code, so validation never needs the
// network or the files of the source tree at run time.

export { ob3Schema, edcSchema };

/** JSON-LD contexts by the URL documents name them with. */
export const CONTEXTS: Readonly<Record<string, string>> = {
	'https://www.w3.org/2018/credentials/v1': credentialsV1,
	'http://data.europa.eu/snb/model/context/edc-ap': edcContext
};

/** SHACL shape graphs (Turtle) by their ontology IRI, which owl:imports refer to. */
export const SHAPE_GRAPHS: Readonly<Record<string, string>> = {
	'http://data.europa.eu/snb/model/ap/loq-constraints': loqShapes,
	'http://data.europa.eu/snb/model/ap/loq-constraints-mdr': loqMdrShapes,
	'http://data.europa.eu/snb/model/ap/edc-generic-full': edcFullShapes,
	'http://data.europa.eu/snb/model/ap/edc-generic-no-cv': edcNoCvShapes
};
