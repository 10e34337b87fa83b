import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { StarterKit } from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import * as Y from 'yjs';
import { fullSpec } from './fixtures';
import { richTextToHtml, richTextToPlain, safeHref } from './rich-text';
import { richTextDocSchema } from './rich-text-schema';
import { readRichText, writeRichText } from './rich-text-yjs';
import type { RichTextDoc } from './types';

// The schema the editor uses (src/lib/collab/editor-extensions.ts, rich mode).
const schema = getSchema([StarterKit.configure({ undoRedo: false, codeBlock: false, horizontalRule: false })]);

const docs = (): [string, RichTextDoc][] => {
	const spec = fullSpec();
	return [
		['summary', spec.summary.en],
		['project description', spec.assessments[0].description.en],
		['plain paragraph', spec.summary.fi]
	];
};

function fragment(): Y.XmlFragment {
	return new Y.Doc().getXmlFragment('test');
}

describe('rich text in Yjs, as Tiptap encodes it', () => {
	it.each(docs())('the %s fixture is a valid document of the editor schema', (_, doc) => {
		expect(() => Node.fromJSON(schema, doc).check()).not.toThrow();
	});

	it.each(docs())('what we write, y-prosemirror reads as the same %s', (_, doc) => {
		const f = fragment();
		writeRichText(f, doc);
		const theirs = Node.fromJSON(schema, yXmlFragmentToProsemirrorJSON(f));
		expect(theirs.eq(Node.fromJSON(schema, doc))).toBe(true);
	});

	it.each(docs())('what y-prosemirror writes, we read as the same %s', (_, doc) => {
		const f = fragment();
		prosemirrorJSONToYXmlFragment(schema, doc, f);
		const ours = readRichText(f);
		expect(Node.fromJSON(schema, ours).eq(Node.fromJSON(schema, doc))).toBe(true);
		expect(v.safeParse(richTextDocSchema, ours).success).toBe(true);
	});

	it('reads the link attributes Tiptap adds, without the nulls', () => {
		const f = fragment();
		const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'EU', marks: [{ type: 'link', attrs: { href: 'https://europa.eu' } }] }] }] };
		prosemirrorJSONToYXmlFragment(schema, doc, f);
		expect(readRichText(f).content?.[0]).toEqual({
			type: 'paragraph',
			content: [{ type: 'text', text: 'EU', marks: [{ type: 'link', attrs: { href: 'https://europa.eu', rel: 'noopener noreferrer nofollow', target: '_blank' } }] }]
		});
	});

	it('reads an empty fragment as an empty document', () => {
		expect(readRichText(fragment())).toEqual({ type: 'doc' });
	});
});

describe('richTextToPlain', () => {
	it('keeps blocks apart and lists readable', () => {
		expect(richTextToPlain(fullSpec().summary.en)).toBe(
			'Why this course\n\nDesign products for reuse, repair and recycling, following the EU circular economy action plan.\nTools: OpenLCA and paper sketches.\n\n- Online, self-paced\n- A real product from a partner company\n\nWaste is a design flaw.'
		);
		expect(richTextToPlain(fullSpec().assessments[0].description.en)).toBe(
			'Redesign a product in three steps:\n\n1. Audit the current design\n2. Propose changes\n3. Pitch to the panel'
		);
		expect(richTextToPlain(null)).toBe('');
	});
});

describe('richTextToHtml', () => {
	it('renders the allowlisted nodes and marks', () => {
		expect(richTextToHtml(fullSpec().summary.en)).toBe(
			'<h3>Why this course</h3>' +
				'<p>Design products for <strong>reuse</strong>, <strong><em>repair</em></strong> and recycling, following the ' +
				'<a href="https://environment.ec.europa.eu/strategy/circular-economy-action-plan_en" rel="noopener noreferrer nofollow">EU circular economy action plan</a>.' +
				'<br>Tools: <code>OpenLCA</code> and <s>paper</s> sketches.</p>' +
				'<ul><li><p>Online, self-paced</p></li><li><p>A real product from a partner company</p></li></ul>' +
				'<blockquote><p><em>Waste is a design flaw.</em></p></blockquote>'
		);
	});

	it('escapes text and drops what is not allowlisted', () => {
		const hostile = {
			type: 'doc',
			content: [
				{ type: 'paragraph', content: [{ type: 'text', text: '<script>alert("x")</script> & more' }] },
				{ type: 'iframe', attrs: { src: 'https://evil.example' }, content: [{ type: 'text', text: 'inner' }] },
				{ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'onclick' }] }] },
				{ type: 'paragraph', content: [{ type: 'text', text: 'mail', marks: [{ type: 'link', attrs: { href: 'mailto:a@b.fi?subject="x"' } }] }] },
				{ type: 'heading', attrs: { level: '1 onload=x' }, content: [{ type: 'text', text: 'h' }] },
				{ type: 'orderedList', attrs: { start: '3"><script>' }, content: [] }
			]
		} as unknown as RichTextDoc;
		expect(richTextToHtml(hostile)).toBe(
			'<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</p>' +
				'inner' +
				'<p>click</p>' +
				'<p><a href="mailto:a@b.fi?subject=%22x%22" rel="noopener noreferrer nofollow">mail</a></p>' +
				'<h1>h</h1>' +
				'<ol></ol>'
		);
	});
});

describe('safeHref', () => {
	it.each([
		['https://example.fi/a b', 'https://example.fi/a%20b'],
		['  http://example.fi  ', 'http://example.fi/'],
		['mailto:info@example.fi', 'mailto:info@example.fi'],
		['javascript:alert(1)', null],
		['JAVASCRIPT:alert(1)', null],
		['data:text/html,x', null],
		['/relative', null],
		[42, null]
	])('%s → %s', (input, expected) => {
		expect(safeHref(input)).toBe(expected);
	});
});
