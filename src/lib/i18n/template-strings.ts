import { parse } from 'svelte/compiler';

/**
 * Finds text a Svelte component would show that does not come from a message: text nodes with letters
 * and user-facing attributes written as literals. Walks the compiler's template AST (not regexes), so
 * script and style blocks, comments and expressions are never mistaken for text.
 */

/** Attributes (and our components' props) whose value people read or hear. */
const USER_FACING_ATTRIBUTES = new Set([
	'alt',
	'aria-label',
	'aria-description',
	'aria-placeholder',
	'aria-roledescription',
	'aria-valuetext',
	'ariaLabel',
	'confirm',
	'hint',
	'label',
	'placeholder',
	'title'
]);

/**
 * Words that are the same in every language: names of the product and of standards. Keep this short
 * and deliberate; a word that has a translation belongs in messages/.
 */
export const SAME_IN_EVERY_LANGUAGE = ['Co-course', 'ECTS', 'EQF', 'NQF', 'Europass', 'Open Badges', 'ELM', 'JSON', 'PDF', 'CSV'];

const allowed = new RegExp(
	SAME_IN_EVERY_LANGUAGE.map((word) => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|'),
	'g'
);

export interface HardCodedString {
	text: string;
	/** `text` for a text node, else the attribute's name. */
	where: string;
	line: number;
}

function hasWords(text: string): boolean {
	return /\p{L}/u.test(text.replace(allowed, ''));
}

type AstNode = { type?: string; [key: string]: unknown };

/**
 * The strings an expression can evaluate to (`{open ? 'Close' : 'Open'}`, `{name || 'Someone'}`,
 * `{`${n} members`}`): literals in result position only, so `x === 'draft'` or `f('short')` are code.
 */
function resultStrings(expr: AstNode | undefined): string[] {
	if (!expr) return [];
	switch (expr.type) {
		case 'Literal':
			return typeof expr.value === 'string' ? [expr.value] : [];
		case 'TemplateLiteral':
			return [
				(expr.quasis as AstNode[]).map((q) => (q.value as { cooked: string }).cooked).join(' '),
				...(expr.expressions as AstNode[]).flatMap(resultStrings)
			];
		case 'ConditionalExpression':
			return [...resultStrings(expr.consequent as AstNode), ...resultStrings(expr.alternate as AstNode)];
		case 'LogicalExpression':
			return [...resultStrings(expr.left as AstNode), ...resultStrings(expr.right as AstNode)];
		case 'BinaryExpression':
			return expr.operator === '+' ? [...resultStrings(expr.left as AstNode), ...resultStrings(expr.right as AstNode)] : [];
		default:
			return [];
	}
}

export function findHardCodedStrings(source: string): HardCodedString[] {
	const ast = parse(source, { modern: true });
	const found: HardCodedString[] = [];
	const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;

	const visit = (value: unknown): void => {
		if (Array.isArray(value)) return value.forEach(visit);
		if (!value || typeof value !== 'object') return;
		const node = value as AstNode;
		if (node.type === 'Text') {
			const data = String(node.data);
			if (hasWords(data)) found.push({ text: data.trim(), where: 'text', line: lineOf(Number(node.start)) });
			return;
		}
		if (node.type === 'Attribute') {
			const name = String(node.name);
			if (USER_FACING_ATTRIBUTES.has(name) && node.value !== true) {
				const parts = (Array.isArray(node.value) ? node.value : [node.value]) as AstNode[];
				for (const part of parts) {
					const texts = part.type === 'Text' ? [String(part.data)] : resultStrings(part.expression as AstNode);
					for (const text of texts) {
						if (hasWords(text)) found.push({ text: text.trim(), where: name, line: lineOf(Number(part.start)) });
					}
				}
			}
			return; // other attributes hold ids, classes, URLs …; expressions are code
		}
		// Expressions are JavaScript: the script check of the converters' guide, not this one.
		if (node.type === 'ExpressionTag') {
			for (const text of resultStrings(node.expression as AstNode)) {
				if (hasWords(text)) found.push({ text: text.trim(), where: 'expression', line: lineOf(Number(node.start)) });
			}
			return;
		}
		if (node.type === 'Comment') return;
		for (const [key, child] of Object.entries(node)) {
			if (key === 'expression' || key === 'metadata') continue;
			visit(child);
		}
	};
	visit(ast.fragment);
	return found;
}
