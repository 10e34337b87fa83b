import { createHash } from 'node:crypto';
import { fieldAnchor } from '$lib/course-spec/fields';
import { canonicalJson } from '$lib/course-spec/canonical-json';
import { buildDocument, exportLanguages, explainViolations, validate, type ExportInput } from '../exports';
import { CREDENTIAL_FORMATS, formatDescription } from './formats';

// The export half of "may this go out?": every credential export of the version about to be
// published is built and validated exactly as it will be served, and each violation is turned into
// a problem that names the field to fix and the rule that failed.

export interface ExportProblem {
	kind: 'export';
	/** Where to fix it: "Field of study", "Module 2 › Module title", "Provider profile". */
	label: string;
	message: string;
	anchor: string | null;
	/** The rules that failed, e.g. "shacl:MinCountConstraintComponent". */
	rules: string[];
	/** The exports that fail because of it, by title. */
	exports: string[];
}

// Validation takes about a tenth of a second per ELM document once warm, and the review pages ask
// on every load: results are kept per input (the spec and everything around it).
const results = new Map<string, ExportProblem[]>();
const MAX_RESULTS = 200;

export async function checkExports(input: ExportInput): Promise<ExportProblem[]> {
	const key = createHash('sha256').update(canonicalJson(input)).digest('hex');
	const known = results.get(key);
	if (known) return known;
	const problems = new Map<string, ExportProblem>();
	for (const format of CREDENTIAL_FORMATS) {
		for (const lang of exportLanguages(format, input)) {
			const result = await validate(format, buildDocument(format, input, { lang }));
			for (const explanation of explainViolations(result.violations, input.spec)) {
				const id = `${explanation.where}|${explanation.message}`;
				const problem = problems.get(id) ?? {
					kind: 'export' as const,
					label: explanation.where,
					message: explanation.message,
					anchor: explanation.field ? fieldAnchor(explanation.field.key, explanation.field.itemId) : null,
					rules: [],
					exports: []
				};
				if (!problem.rules.includes(explanation.rule)) problem.rules.push(explanation.rule);
				const title = formatDescription(format, 'en').title;
				if (!problem.exports.includes(title)) problem.exports.push(title);
				problems.set(id, problem);
			}
		}
	}
	const list = [...problems.values()];
	if (results.size >= MAX_RESULTS) results.delete(results.keys().next().value!);
	results.set(key, list);
	return list;
}
