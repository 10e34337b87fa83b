import { createHash } from 'node:crypto';
import { badgePng, sanitizeSvg } from '../exports';
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

// Checking an uploaded badge before it is stored: a square PNG of a sensible size, or an SVG that the
// allow-list sanitiser can rebuild and resvg can render. Only what passes is kept; an SVG is kept as
// the sanitiser rebuilt it, never as uploaded.

// Below adapter-node's default BODY_SIZE_LIMIT (512 KiB) with room for the form around it.
export const BADGE_UPLOAD_MAX_BYTES = 400 * 1024;
export const BADGE_PNG_MIN_SIDE = 200;
export const BADGE_PNG_MAX_SIDE = 2048;

export type CheckedBadge =
	| { ok: true; contentType: 'image/png' | 'image/svg+xml'; bytes: Uint8Array; sha256: string; removed: string[] }
	| { ok: false; error: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
	if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
	if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function checkBadgeUpload(file: { name: string; type: string; bytes: Uint8Array }): CheckedBadge {
	const { bytes } = file;
	if (bytes.length === 0) return { ok: false, error: m.settings_badge_choose_file() };
	if (bytes.length > BADGE_UPLOAD_MAX_BYTES) {
		return { ok: false, error: m.settings_badge_too_big({ size: formatNumber(Math.ceil(bytes.length / 1024)), max: formatNumber(BADGE_UPLOAD_MAX_BYTES / 1024) }) };
	}
	const size = pngSize(bytes);
	if (size) {
		if (size.width !== size.height) {
			return { ok: false, error: m.settings_badge_not_square({ width: size.width, height: size.height }) };
		}
		if (size.width < BADGE_PNG_MIN_SIDE || size.width > BADGE_PNG_MAX_SIDE) {
			return {
				ok: false,
				error: m.settings_badge_side({ width: size.width, height: size.height, min: BADGE_PNG_MIN_SIDE, max: BADGE_PNG_MAX_SIDE })
			};
		}
		return { ok: true, contentType: 'image/png', bytes, sha256: sha256(bytes), removed: [] };
	}
	const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
	if (!/<svg[\s>]/i.test(text.slice(0, 4096))) {
		return { ok: false, error: m.settings_badge_wrong_type() };
	}
	const sanitized = sanitizeSvg(text);
	if (!sanitized.ok) return { ok: false, error: m.settings_badge_svg_unusable({ reason: sanitized.error }) };
	try {
		badgePng(sanitized.svg);
	} catch {
		return { ok: false, error: m.settings_badge_svg_undrawable() };
	}
	const clean = new TextEncoder().encode(sanitized.svg);
	return { ok: true, contentType: 'image/svg+xml', bytes: clean, sha256: sha256(clean), removed: sanitized.removed };
}
