// SVG uploads (a provider's own badge design) are re-built from an allow-list, never passed through:
// the input is tokenised, elements and attributes outside the lists are dropped (with what they
// contain, for elements), references may only point inside the document (#id), and the output is
// serialised from the parsed tree with every value escaped. Anything the tokeniser does not
// understand — a DOCTYPE or entity declaration, an unknown entity, a tag that does not close — makes
// the whole upload invalid rather than half-sanitised.

export type SanitizedSvg = { ok: true; svg: string; removed: string[] } | { ok: false; error: string };

const MAX_BYTES = 1_000_000;
const MAX_ELEMENTS = 10_000;
const MAX_DEPTH = 64;

const ELEMENTS = new Set([
	'svg', 'g', 'defs', 'title', 'desc', 'symbol', 'use',
	'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
	'text', 'tspan',
	'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern'
]);

/** Elements whose text is content; elsewhere text is only whitespace between tags and is dropped. */
const TEXT_ELEMENTS = new Set(['title', 'desc', 'text', 'tspan']);

const ATTRIBUTES = new Set([
	'id', 'viewBox', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy',
	'd', 'points', 'transform', 'preserveAspectRatio', 'version', 'role', 'aria-label', 'aria-hidden', 'lang', 'xml:space',
	'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin',
	'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'opacity', 'color', 'display', 'visibility',
	'clip-path', 'clip-rule', 'mask', 'font-family', 'font-size', 'font-weight', 'font-style', 'letter-spacing',
	'word-spacing', 'text-anchor', 'dominant-baseline', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust',
	'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod',
	'clipPathUnits', 'maskUnits', 'maskContentUnits', 'patternUnits', 'patternContentUnits', 'patternTransform',
	'href', 'xlink:href', 'style'
]);

const STYLE_PROPERTIES = new Set([
	'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin',
	'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'opacity', 'color', 'display', 'visibility',
	'font-family', 'font-size', 'font-weight', 'font-style', 'letter-spacing', 'word-spacing', 'text-anchor',
	'dominant-baseline', 'stop-color', 'stop-opacity', 'clip-path', 'clip-rule', 'mask'
]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

interface Element {
	name: string;
	attributes: [string, string][];
	children: (Element | string)[];
}

class SvgError extends Error {}

function decode(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (match, ref: string) => {
		if (!match.endsWith(';')) throw new SvgError('A character reference is not closed with ";".');
		if (ref[0] === '#') {
			const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) throw new SvgError('A character reference is out of range.');
			return String.fromCodePoint(code);
		}
		if (!(ref in ENTITIES)) throw new SvgError(`Unknown entity &${ref}; (only XML's five are allowed).`);
		return ENTITIES[ref];
	});
}

const NAME = '[A-Za-z_][-A-Za-z0-9_.:]*';
const OPEN_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');
const CLOSE_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');

function parse(input: string): Element {
	const root: Element = { name: '#root', attributes: [], children: [] };
	const stack: Element[] = [root];
	let count = 0;
	let i = 0;
	while (i < input.length) {
		const top = stack[stack.length - 1];
		if (input.startsWith('<!--', i)) {
			const end = input.indexOf('-->', i + 4);
			if (end < 0) throw new SvgError('A comment is not closed.');
			i = end + 3;
		} else if (input.startsWith('<![CDATA[', i)) {
			const end = input.indexOf(']]>', i + 9);
			if (end < 0) throw new SvgError('A CDATA section is not closed.');
			top.children.push(input.slice(i + 9, end));
			i = end + 3;
		} else if (input.startsWith('<?', i)) {
			const end = input.indexOf('?>', i + 2);
			if (end < 0 || !/^<\?xml\s/.test(input.slice(i, i + 6)) || count > 0) throw new SvgError('Processing instructions are not allowed.');
			i = end + 2;
		} else if (input.startsWith('<!', i)) {
			throw new SvgError('DOCTYPE and entity declarations are not allowed.');
		} else if (input.startsWith('</', i)) {
			CLOSE_TAG.lastIndex = i;
			const match = CLOSE_TAG.exec(input);
			if (!match || match[1] !== top.name) throw new SvgError(`Unexpected closing tag at position ${i}.`);
			stack.pop();
			i = CLOSE_TAG.lastIndex;
		} else if (input[i] === '<') {
			OPEN_TAG.lastIndex = i;
			const match = OPEN_TAG.exec(input);
			if (!match) throw new SvgError(`Malformed tag at position ${i}.`);
			if (++count > MAX_ELEMENTS) throw new SvgError('The SVG has too many elements.');
			const attributes = [...match[2].matchAll(ATTRIBUTE)].map((a): [string, string] => [a[1], decode(a[2] ?? a[3] ?? '')]);
			const element: Element = { name: match[1], attributes, children: [] };
			top.children.push(element);
			if (!match[3]) {
				stack.push(element);
				if (stack.length > MAX_DEPTH) throw new SvgError('The SVG is nested too deeply.');
			}
			i = OPEN_TAG.lastIndex;
		} else {
			const end = input.indexOf('<', i);
			const text = input.slice(i, end < 0 ? input.length : end);
			top.children.push(decode(text));
			i = end < 0 ? input.length : end;
		}
	}
	if (stack.length > 1) throw new SvgError(`<${stack[stack.length - 1].name}> is not closed.`);
	const elements = root.children.filter((c): c is Element => typeof c !== 'string');
	if (elements.length !== 1 || elements[0].name !== 'svg' || root.children.some((c) => typeof c === 'string' && c.trim())) {
		throw new SvgError('The file must be one <svg> element.');
	}
	return elements[0];
}

/** Only references inside the document: `#id` and `url(#id)`. */
const isLocalReference = (value: string) => /^#[-A-Za-z0-9_.:]+$/.test(value.trim());
const hasOnlyLocalUrls = (value: string) =>
	[...value.matchAll(/url\s*\(([^)]*)\)/gi)].every((m) => isLocalReference(m[1].replace(/^['"]|['"]$/g, ''))) &&
	!/[\\<>]|expression\s*\(|@import|javascript:/i.test(value);

function cleanStyle(style: string, removed: Set<string>): string {
	return style
		.split(';')
		.map((declaration) => declaration.trim())
		.filter((declaration) => {
			if (!declaration) return false;
			const colon = declaration.indexOf(':');
			const property = declaration.slice(0, colon).trim().toLowerCase();
			const keep = colon > 0 && STYLE_PROPERTIES.has(property) && hasOnlyLocalUrls(declaration.slice(colon + 1));
			if (!keep) removed.add(`style ${property || declaration}`);
			return keep;
		})
		.join('; ');
}

function clean(element: Element, removed: Set<string>): Element | null {
	if (!ELEMENTS.has(element.name)) {
		removed.add(`<${element.name}>`);
		return null;
	}
	const attributes: [string, string][] = [];
	for (const [name, value] of element.attributes) {
		if (name === 'xmlns' || name.startsWith('xmlns:')) continue; // written fresh on output
		let kept: string | null = ATTRIBUTES.has(name) ? value : null;
		if (kept !== null && (name === 'href' || name === 'xlink:href')) kept = isLocalReference(value) ? value.trim() : null;
		if (kept !== null && name === 'style') kept = cleanStyle(value, removed) || null;
		if (kept !== null && !hasOnlyLocalUrls(kept)) kept = null;
		if (kept === null) removed.add(`${name}=`);
		else attributes.push([name === 'xlink:href' ? 'href' : name, kept]);
	}
	const children: (Element | string)[] = [];
	for (const child of element.children) {
		if (typeof child === 'string') {
			if (TEXT_ELEMENTS.has(element.name)) children.push(child);
		} else {
			const cleaned = clean(child, removed);
			if (cleaned) children.push(cleaned);
		}
	}
	return { name: element.name, attributes, children };
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');

function serialise(element: Element, isRoot: boolean): string {
	const attributes = [
		...(isRoot ? [['xmlns', 'http://www.w3.org/2000/svg'] as [string, string]] : []),
		...element.attributes
	]
		.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
		.join('');
	if (element.children.length === 0) return `<${element.name}${attributes}/>`;
	const inner = element.children.map((c) => (typeof c === 'string' ? escapeText(c) : serialise(c, false))).join('');
	return `<${element.name}${attributes}>${inner}</${element.name}>`;
}

export function sanitizeSvg(input: string): SanitizedSvg {
	if (Buffer.byteLength(input, 'utf8') > MAX_BYTES) return { ok: false, error: 'The SVG is larger than 1 MB.' };
	try {
		const removed = new Set<string>();
		const svg = clean(parse(input.replace(/^\uFEFF/, '')), removed)!;
		return { ok: true, svg: serialise(svg, true), removed: [...removed].sort() };
	} catch (error) {
		if (error instanceof SvgError) return { ok: false, error: error.message };
		throw error;
	}
}
