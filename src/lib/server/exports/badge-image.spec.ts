import { expect, test } from 'vitest';
import { fullSpec } from '$lib/course-spec/fixtures';
import { BADGE_SIZE, DEFAULT_BADGE_COLOUR, badgeAlt, badgeContent, badgePng, badgeSvg, wrapText } from './badge-image';
import { sampleExportInput } from './sample-input';

const content = badgeContent(sampleExportInput(fullSpec()));

/** Width and height from the PNG's IHDR chunk. */
const pngSize = (png: Uint8Array) => {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	return [view.getUint32(16), view.getUint32(20)];
};

test('the SVG shows title, ECTS, EQF level and awarding body, and says it in its title', () => {
	const svg = badgeSvg(content);
	expect(svg).toContain('>Circular<');
	expect(svg).toContain('3 ECTS  ·  EQF 6');
	expect(svg).toContain('>Example University of<');
	expect(svg).toContain('>Applied Sciences<');
	expect(badgeAlt(content)).toBe('Micro-credential badge: Circular Product Design, 3 ECTS, EQF level 6, Example University of Applied Sciences');
	expect(svg).toContain(`<title>${badgeAlt(content)}</title>`);
	expect(svg).toContain(`fill="${DEFAULT_BADGE_COLOUR}"`);
});

test('text from the spec is escaped, and a colour that is not #rrggbb falls back to the default', () => {
	const svg = badgeSvg({ ...content, title: '<script>alert(1)</script> & co', colour: 'red;stroke:url(http://x)' });
	expect(svg).not.toContain('<script>');
	expect(svg).toContain('&lt;script&gt;');
	expect(svg).toContain(`fill="${DEFAULT_BADGE_COLOUR}"`);
	expect(badgeSvg({ ...content, colour: '#F2C14E' })).toContain('fill="#f2c14e"');
});

test('long titles wrap into at most four lines, at a size where no word has to be cut', () => {
	expect(wrapText('Kiertotalouden tuotesuunnittelu', 52, 400, 4, { breakWords: false })).toBeNull();
	expect(badgeSvg({ ...content, title: 'Kiertotalouden tuotesuunnittelu' })).toContain('>Kiertotalouden<');
	const lines = wrapText('word '.repeat(60), 30, 400, 4)!;
	expect(lines).toHaveLength(4);
	expect(lines[3].endsWith('…')).toBe(true);
});

test('the PNG is 600×600, rendered the same twice, and the text is drawn with the shipped font', () => {
	const png = badgePng(badgeSvg(content));
	expect(pngSize(png)).toEqual([BADGE_SIZE, BADGE_SIZE]);
	expect(Buffer.compare(Buffer.from(png), Buffer.from(badgePng(badgeSvg(content))))).toBe(0);
	// Without glyphs resvg drops text silently; a different title must give a different picture.
	expect(Buffer.compare(Buffer.from(png), Buffer.from(badgePng(badgeSvg({ ...content, title: 'Another course' }))))).not.toBe(0);
});
