import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import { primaryLanguage, type LangCode } from '$lib/course-spec';
import regularFont from './fonts/DejaVuSans-subset.ttf?inline';
import boldFont from './fonts/DejaVuSans-Bold-subset.ttf?inline';
import { nameIn, pick } from './text';
import type { ExportInput } from './types';

// The badge picture of a version: an SVG built from the spec (title, ECTS, EQF level, provider) and
// a 600×600 PNG rendered on the server by resvg, without a browser. resvg cannot fetch fonts, and
// system fonts differ between machines, so it renders only with the DejaVu Sans subset shipped here.

/** The app's primary colour (--color-primary in src/app.css): the badge colour when none is set. */
export const DEFAULT_BADGE_COLOUR = '#1f5f5b';
export const BADGE_SIZE = 600;

export interface BadgeContent {
	lang: LangCode;
	title: string;
	ects: number | null;
	eqfLevel: number | null;
	provider: string;
	colour?: string;
}

export function badgeContent(input: ExportInput, lang: LangCode = primaryLanguage(input.spec)): BadgeContent {
	const primary = primaryLanguage(input.spec);
	const { spec } = input;
	return {
		lang,
		title: pick(spec.title, lang, primary),
		ects: spec.ectsCredits,
		eqfLevel: typeof spec.eqfLevel === 'number' ? spec.eqfLevel : null,
		provider: pick(spec.awardingBody.name, lang, primary) || nameIn(input.provider.name, lang, primary),
		colour: input.provider.colour
	};
}

/** Alt text: everything the picture says, in words. */
export function badgeAlt(content: BadgeContent): string {
	const facts = [content.ects !== null ? `${content.ects} ECTS` : '', content.eqfLevel !== null ? `EQF level ${content.eqfLevel}` : '']
		.filter(Boolean)
		.join(', ');
	return `Micro-credential badge: ${content.title || 'untitled'}${facts ? `, ${facts}` : ''}${content.provider ? `, ${content.provider}` : ''}`;
}

const escapeXml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function safeColour(colour: string | undefined): string {
	return colour && /^#[0-9a-f]{6}$/i.test(colour) ? colour.toLowerCase() : DEFAULT_BADGE_COLOUR;
}

/** White or near-black, whichever reads better on the colour (WCAG relative luminance). */
function textOn(colour: string): string {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(colour.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	return (1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05) ? '#ffffff' : '#1b2420';
}

/**
 * Greedy word wrap by estimated width (resvg does not wrap text): DejaVu Sans averages about 0.62 em
 * per character in bold, 0.58 in regular. Words longer than a line are cut only when `breakWords` is
 * set; otherwise such a layout is refused (null) so that a smaller size can be tried first, because
 * a Finnish compound cut in the middle reads as a mistake. Overflowing lines end in an ellipsis.
 */
export function wrapText(
	text: string,
	fontSize: number,
	maxWidth: number,
	maxLines: number,
	{ bold = true, breakWords = true }: { bold?: boolean; breakWords?: boolean } = {}
): string[] | null {
	const perLine = Math.max(4, Math.floor(maxWidth / ((bold ? 0.62 : 0.58) * fontSize)));
	const words = text.split(/\s+/).filter(Boolean);
	if (!breakWords && words.some((w) => [...w].length > perLine)) return null;
	const pieces = words.flatMap((w) => ([...w].length > perLine ? w.match(new RegExp(`.{1,${perLine}}`, 'gu'))! : [w]));
	const lines: string[] = [];
	for (const word of pieces) {
		const last = lines.at(-1);
		if (last !== undefined && [...`${last} ${word}`].length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	kept[maxLines - 1] = `${[...kept[maxLines - 1]].slice(0, perLine - 1).join('').trimEnd()}…`;
	return kept;
}

/** Room for the title between the label and the facts: 230 px high, 400 px wide. */
function titleLayout(title: string): { size: number; lines: string[] } {
	for (const size of [52, 46, 40, 35, 30]) {
		const lines = wrapText(title, size, 400, 4, { breakWords: false });
		if (lines && !lines.at(-1)!.endsWith('…') && lines.length * size * 1.15 <= 230) return { size, lines };
	}
	return { size: 30, lines: wrapText(title, 30, 400, 4)! };
}

export function badgeSvg(content: BadgeContent): string {
	const colour = safeColour(content.colour);
	const ink = textOn(colour);
	const { size, lines } = titleLayout(content.title || 'Untitled micro-credential');
	const lineHeight = Math.round(size * 1.15);
	const firstBaseline = 278 - ((lines.length - 1) * lineHeight) / 2 + size * 0.35;
	const facts = [content.ects !== null ? `${content.ects} ECTS` : '', content.eqfLevel !== null ? `EQF ${content.eqfLevel}` : '']
		.filter(Boolean)
		.join('  ·  ');
	const providerSize = wrapText(content.provider, 20, 270, 2, { bold: false, breakWords: false }) ? 20 : 16;
	const provider = wrapText(content.provider, providerSize, 270, 2, { bold: false, breakWords: providerSize === 16 }) ?? [];
	const alt = badgeAlt(content);
	const tspans = lines
		.map((line, i) => `<tspan x="300" y="${Math.round(firstBaseline + i * lineHeight)}">${escapeXml(line)}</tspan>`)
		.join('');
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_SIZE}" height="${BADGE_SIZE}" viewBox="0 0 600 600" role="img" aria-label="${escapeXml(alt)}">`,
		`<title>${escapeXml(alt)}</title>`,
		`<circle cx="300" cy="300" r="292" fill="${colour}"/>`,
		`<circle cx="300" cy="300" r="262" fill="none" stroke="${ink}" stroke-opacity="0.55" stroke-width="4"/>`,
		`<text x="300" y="118" text-anchor="middle" font-family="DejaVu Sans" font-size="20" font-weight="700" letter-spacing="3" fill="${ink}" fill-opacity="0.85">MICRO-CREDENTIAL</text>`,
		`<text text-anchor="middle" font-family="DejaVu Sans" font-size="${size}" font-weight="700" fill="${ink}">${tspans}</text>`,
		facts
			? `<rect x="150" y="418" width="300" height="52" rx="26" fill="${ink}"/><text x="300" y="453" text-anchor="middle" font-family="DejaVu Sans" font-size="24" font-weight="700" fill="${colour}">${escapeXml(facts)}</text>`
			: '',
		...provider.map(
			(line, i) =>
				`<text x="300" y="${506 + i * 25}" text-anchor="middle" font-family="DejaVu Sans" font-size="${providerSize}" fill="${ink}">${escapeXml(line)}</text>`
		),
		'</svg>'
	].join('');
}

let fontFiles: string[] | undefined;

/**
 * resvg 2.6 loads fonts from paths only. The fonts are bundled into the server code as data URLs,
 * so they are written once per process to a content-addressed temp folder and read from there.
 */
function ensureFontFiles(): string[] {
	if (fontFiles) return fontFiles;
	const fonts = [regularFont, boldFont].map((dataUrl) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
	const hash = createHash('sha256');
	for (const font of fonts) hash.update(font);
	const dir = path.join(os.tmpdir(), `co-course-fonts-${hash.digest('hex').slice(0, 16)}`);
	fs.mkdirSync(dir, { recursive: true });
	fontFiles = fonts.map((font, i) => {
		const file = path.join(dir, `font-${i}.ttf`);
		if (!fs.existsSync(file) || fs.statSync(file).size !== font.length) {
			const temp = `${file}.${process.pid}.tmp`;
			fs.writeFileSync(temp, font);
			fs.renameSync(temp, file);
		}
		return file;
	});
	return fontFiles;
}

/** A 600×600 PNG of a badge SVG (ours, or a sanitised upload). */
export function badgePng(svg: string): Uint8Array {
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'width', value: BADGE_SIZE },
		font: { loadSystemFonts: false, fontFiles: ensureFontFiles(), defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
		logLevel: 'off'
	});
	return new Uint8Array(resvg.render().asPng());
}
