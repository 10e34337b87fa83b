import { describe, expect, it } from 'vitest';
import { colorForUser, memberColor, PRESENCE_COLORS } from './colors';

function channel(hex: string, at: number): number {
	const c = parseInt(hex.slice(at, at + 2), 16) / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
const rgb = (hex: string) => [channel(hex, 1), channel(hex, 3), channel(hex, 5)];
const luminance = (hex: string) => {
	const [r, g, b] = rgb(hex);
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

// CIE L*a*b* (D65) and the 1976 colour difference: about 2 is "just noticeable", 20+ reads as another colour.
function lab(hex: string): [number, number, number] {
	const [r, g, b] = rgb(hex);
	const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
	const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
	const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
	const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
	return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

describe('presence palette', () => {
	it('has about a dozen colours', () => {
		expect(PRESENCE_COLORS.length).toBe(12);
		expect(new Set(PRESENCE_COLORS).size).toBe(PRESENCE_COLORS.length);
	});

	it.each(PRESENCE_COLORS)('%s carries white label text at WCAG AA (4.5:1)', (color) => {
		expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5);
	});

	it('keeps every two colours clearly apart', () => {
		for (const [i, a] of PRESENCE_COLORS.entries()) {
			for (const b of PRESENCE_COLORS.slice(i + 1)) expect(deltaE(a, b), `${a} vs ${b}`).toBeGreaterThan(20);
		}
	});

	it('makes the first three colours, which small teams see most, very different', () => {
		const [a, b, c] = PRESENCE_COLORS;
		expect(Math.min(deltaE(a, b), deltaE(a, c), deltaE(b, c))).toBeGreaterThan(60);
	});
});

describe('memberColor', () => {
	it('gives the first twelve members twelve different colours, then starts over', () => {
		const first = Array.from({ length: 12 }, (_, n) => memberColor(n));
		expect(new Set(first).size).toBe(12);
		expect(memberColor(12)).toBe(memberColor(0));
		expect(memberColor(25)).toBe(memberColor(1));
	});
});

describe('colorForUser (someone reading a course without being in its team)', () => {
	it('is the same for the same person', () => {
		expect(colorForUser('abc', 3)).toBe(colorForUser('abc', 3));
	});

	it('avoids the colours the members already have, while any are left', () => {
		const taken = new Set(Array.from({ length: 5 }, (_, n) => memberColor(n)));
		for (const id of ['a', 'bb', 'ccc', 'reader-1', 'reader-2', 'zzzzzzzzzzzzzzzzzzzzzzzz']) {
			expect(taken.has(colorForUser(id, 5)), id).toBe(false);
		}
		expect(PRESENCE_COLORS).toContain(colorForUser('a', 40));
	});
});
