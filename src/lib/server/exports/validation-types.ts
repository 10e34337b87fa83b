import type { FieldKey } from '$lib/course-spec';

/** One failed rule of a schema or shape, or one thing worth a look (then it is a warning). */
export interface Violation {
	/** Which rule: e.g. `ob3:required`, `shacl:MinCountConstraintComponent`, `jsonld:invalid-property`. */
	rule: string;
	/** JSON pointer (JSON Schema) or property IRI (SHACL) where it failed. */
	path?: string;
	/** The RDF node (id) the SHACL result is about. */
	focusNode?: string;
	message: string;
	/** The spec field a person must change to fix it, where one is responsible. */
	field?: FieldRef;
}

export interface FieldRef {
	key: FieldKey;
	/** The list item (outcome, module or assessment id) the field belongs to. */
	itemId?: string;
}

export interface ValidationResult {
	ok: boolean;
	violations: Violation[];
	warnings: Violation[];
}
