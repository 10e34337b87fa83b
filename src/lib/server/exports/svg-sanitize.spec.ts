import { expect, test } from 'vitest';
import { badgePng } from './badge-image';
import { sanitizeSvg } from './svg-sanitize';

const clean = (svg: string) => {
	const result = sanitizeSvg(svg);
	if (!result.ok) throw new Error(result.error);
	return result;
};

test('scripts, event handlers, foreign content and styles are removed; the drawing stays', () => {
	const { svg, removed } = clean(
		`<?xml version="1.0"?><!-- made by hand --><svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="x" viewBox="0 0 10 10" onload="alert(1)">
		<script>alert(1)</script><style>@import url(http://x)</style><foreignObject><div>hi</div></foreignObject>
		<inkscape:grid/><rect width="10" height="10" fill="#123456" onclick="steal()"/></svg>`
	);
	expect(svg).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123456"/></svg>');
	expect(removed).toEqual(['<foreignObject>', '<inkscape:grid>', '<script>', '<style>', 'onclick=', 'onload=']);
});

test('only references inside the document survive', () => {
	const { svg } = clean(
		`<svg><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
		<use href="#g"/><use xlink:href="https://evil.example/x.svg#a"/><use href="javascript:alert(1)"/>
		<rect fill="url(#g)" width="1" height="1"/><rect fill="url(https://evil.example/t)" width="1" height="1"/>
		<circle r="1" style="fill:url(http://x/y);stroke:#000;behavior:url(x.htc)"/></svg>`
	);
	expect(svg).toContain('<use href="#g"/>');
	expect(svg).not.toMatch(/evil|javascript|htc|http:\/\/x/);
	expect(svg).toContain('<rect fill="url(#g)" width="1" height="1"/>');
	expect(svg).toContain('<circle r="1" style="stroke:#000"/>');
});

test('text is kept and escaped again on output', () => {
	const { svg } = clean('<svg><text x="1">Tom &amp; Jerry &lt;b&gt; &#169;</text><title>A &quot;badge&quot;</title></svg>');
	expect(svg).toContain('<text x="1">Tom &amp; Jerry &lt;b&gt; ©</text>');
	expect(svg).toContain('<title>A "badge"</title>');
});

test('DOCTYPEs, entity declarations, unknown entities and malformed markup are refused', () => {
	const refused = [
		'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
		'<svg><text>&nbsp;</text></svg>',
		'<svg><g></svg>',
		'<svg><rect width=10/></svg>',
		'<html><svg/></html>',
		'<svg/><svg/>',
		'<svg><?php echo 1 ?></svg>',
		`<svg>${'<g>'.repeat(100)}${'</g>'.repeat(100)}</svg>`
	];
	for (const input of refused) expect(sanitizeSvg(input).ok, input.slice(0, 40)).toBe(false);
});

test('a sanitised upload renders to a PNG', () => {
	const { svg } = clean('<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><circle cx="30" cy="30" r="25" fill="#1f5f5b"/></svg>');
	expect(badgePng(svg).length).toBeGreaterThan(100);
});
