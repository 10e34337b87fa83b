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
		discriminate(schema, schema.$defs);
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		addFormats(ajv);
		edcTemplate = ajv.compile(schema);
	}
	return edcTemplate;
}

type SchemaNode = Record<string, any>;

/**
 * The EBSI schema chooses between alternatives with anyOf: one value or an array of them ("Many!X"),
 * and one class or another (LearningAchievementSpecification or Qualification), told apart only by
 * their `type` constant. A failed anyOf reports every branch, so a coordinator would read "must be
 * object" for a value that is rightly an array. Each such anyOf is rewritten to the equivalent
 * if/then that picks the branch up front — by JSON type, or by the node's `type` when it has one —
 * so that only the errors of the branch the document was written for are reported.
 */
function discriminate(node: unknown, defs: Record<string, SchemaNode>): void {
	if (!node || typeof node !== 'object') return;
	for (const value of Object.values(node)) discriminate(value, defs);
	const schema = node as SchemaNode;
	const branches = schema.anyOf as SchemaNode[] | undefined;
	if (!Array.isArray(branches)) return;
	const arrayBranch = branches.find((b) => b.type === 'array');
	if (branches.length === 2 && arrayBranch) {
		const single = branches.find((b) => b !== arrayBranch)!;
		delete schema.anyOf;
		Object.assign(schema, { if: { type: 'array' }, then: arrayBranch, else: single });
		return;
	}
	const classOf = (branch: SchemaNode): string | undefined =>
		typeof branch.$ref === 'string' ? defs[branch.$ref.replace('#/$defs/', '')]?.properties?.type?.const : undefined;
	const classes = branches.map(classOf);
	if (classes.some((c) => c === undefined)) return;
	delete schema.anyOf;
	Object.assign(schema, {
		if: { type: 'object', required: ['type'] },
		then: {
			properties: { type: { enum: classes } },
			allOf: branches.map((branch, i) => ({ if: { properties: { type: { const: classes[i] } } }, then: branch }))
		},
		else: { anyOf: branches }
	});
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
 * A failed anyOf/oneOf (or if/then) comes with the errors of every branch tried, most of them noise ("must be
 * object" from the single-value branch when an array was meant; the Agent branch when a Person was).
 * Ajv's schema paths restart at every $ref, so branches cannot be told apart by them; the instance
 * paths can: under a failed combinator, an error is kept only if no error lies deeper below it — the
 * branch that got furthest is the one the document was written against, and a branch rejecting the
 * node's `type` is one for another class. The combinator's own error
 * stays only when nothing under it is left.
 */
function pruneAlternatives(errors: ErrorObject[]): ErrorObject[] {
	const isCombinator = (e: ErrorObject) => e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if';
	const under = (path: string, root: string) => path === root || path.startsWith(`${root}/`);
	const combinators = errors.filter(isCombinator);
	const leaves = errors.filter((e) => !isCombinator(e));
	const kept = leaves.filter((error) => {
		const inAlternative = combinators.some((c) => under(error.instancePath, c.instancePath));
		if (!inAlternative) return true;
		// A branch for another class announces itself by its `type` constant: not the document's error.
		if ((error.keyword === 'const' || error.keyword === 'enum') && error.instancePath.endsWith('/type')) return false;
		return !leaves.some((other) => other.instancePath !== error.instancePath && under(other.instancePath, error.instancePath));
	});
	const unexplained = combinators.filter((c) => !kept.some((e) => under(e.instancePath, c.instancePath)));
	const seen = new Set<string>();
	return [...kept, ...unexplained].filter((e) => {
		const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
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
