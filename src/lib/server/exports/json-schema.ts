import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { edcSchema, ob3Schema } from './standards';
import type { Violation } from './validation-types';

// JSON Schema checks: the 1EdTech OB 3.0 schema (draft 2019-09) and the EBSI EDC schema (draft 2020-12).
// `strict: false` because the OB schemas use two-item tuple `items`, which Ajv's strict mode refuses
// (standards README d). Compiled once per process on first use.

const OB3_ID = (ob3Schema as { $id: string }).$id;

let ob3Achievement: ValidateFunction | undefined;
let ob3Credential: ValidateFunction | undefined;

function ob3Validators() {
	if (!ob3Achievement || !ob3Credential) {
		const ajv = new Ajv2019({ strict: false, allErrors: true });
		addFormats(ajv);
		ajv.addSchema(ob3Schema);
		ob3Achievement = ajv.compile({ $ref: `${OB3_ID}#/$defs/Achievement` });
		ob3Credential = ajv.getSchema(OB3_ID)!;
	}
	return { achievement: ob3Achievement, credential: ob3Credential! };
}

// The EBSI schema is for VCDM 2.0 credentials anchored on EBSI (`@context` credentials/v2 and the
// VerifiableAttestation type, from its attestation base schema). Our template is the VCDM 1.1 EDC of
// the EU samples (see elm-credential.ts), so the check applies the EDC part, EuropeanDigitalCredentialType,
// with `type` accepting the VCDM 1.1 pair; the envelope difference is reported as a warning instead.
const EDC_TEMPLATE_ID = 'https://ebsi.invalid/co-course/edc-template.json';
let edcTemplate: ValidateFunction | undefined;

function edcValidator(): ValidateFunction {
	if (!edcTemplate) {
		const schema = structuredClone(edcSchema) as Record<string, any>;
		const credential = schema.$defs.EuropeanDigitalCredentialType;
		credential.properties.type = {
			type: 'array',
			items: { enum: ['VerifiableCredential', 'VerifiableAttestation', 'EuropeanDigitalCredential'] },
			allOf: [{ contains: { const: 'VerifiableCredential' } }, { contains: { const: 'EuropeanDigitalCredential' } }],
			uniqueItems: true
		};
		schema.$id = EDC_TEMPLATE_ID;
		schema.allOf = [{ $ref: '#/$defs/EuropeanDigitalCredentialType' }];
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		addFormats(ajv);
		edcTemplate = ajv.compile(schema);
	}
	return edcTemplate;
}

export type SchemaCheck = 'ob3Achievement' | 'ob3Credential' | 'edcTemplate';

export function validateJsonSchema(check: SchemaCheck, document: unknown): Violation[] {
	const validate =
		check === 'edcTemplate' ? edcValidator() : check === 'ob3Achievement' ? ob3Validators().achievement : ob3Validators().credential;
	if (validate(document)) return [];
	const prefix = check === 'edcTemplate' ? 'ebsi' : 'ob3';
	return pruneAlternatives(validate.errors ?? []).map((error) => ({
		rule: `${prefix}:${error.keyword}`,
		// A missing property is located at the property, so that it maps to the field that fills it.
		path: error.keyword === 'required' ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}` : error.instancePath || '/',
		message: schemaMessage(error)
	}));
}

/**
 * anyOf/oneOf failures come with the errors of every branch tried, most of them noise (the Agent and
 * Organisation branches when the value is meant to be a Person). For each combinator, keep only the
 * branch with the fewest errors — the one the document was evidently written against — innermost first.
 */
function pruneAlternatives(errors: ErrorObject[]): ErrorObject[] {
	let kept = errors;
	const combinators = errors
		.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
		.sort((a, b) => b.schemaPath.length - a.schemaPath.length);
	for (const combinator of combinators) {
		const prefix = `${combinator.schemaPath}/`;
		const branches = new Map<string, ErrorObject[]>();
		for (const error of kept) {
			if (!error.schemaPath.startsWith(prefix) || !error.instancePath.startsWith(combinator.instancePath)) continue;
			const branch = error.schemaPath.slice(prefix.length).split('/')[0];
			branches.set(branch, [...(branches.get(branch) ?? []), error]);
		}
		if (branches.size === 0) continue;
		const best = [...branches.values()].sort((a, b) => a.length - b.length)[0];
		const dropped = new Set([...branches.values()].filter((b) => b !== best).flat());
		dropped.add(combinator);
		kept = kept.filter((e) => !dropped.has(e));
	}
	return kept;
}

function schemaMessage(error: ErrorObject): string {
	const at = error.instancePath || 'the document';
	switch (error.keyword) {
		case 'required':
			return `${at} is missing the required property "${(error.params as { missingProperty: string }).missingProperty}".`;
		case 'additionalProperties':
			return `${at} has a property the schema does not allow: "${(error.params as { additionalProperty: string }).additionalProperty}".`;
		default:
			return `${at} ${error.message ?? 'is invalid'}.`;
	}
}
