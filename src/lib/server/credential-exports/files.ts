import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '$lib/course-spec/canonical-json';
import type { Database } from '../db/types';
import { badgeContent, badgePng, badgeSvg, buildExport, exportLanguages, type ExportInput } from '../exports';
import { LruCache, cached } from './cache';
import type { CredentialFormat } from './formats';
import { exportInputOf } from './input';
import { badgeBytes, readExportSource, type PublishedExportSource } from './published';

// The files of a published version as served: built from the frozen spec on first request, then
// from the cache. Same key, same bytes, so the ETag (a hash of the bytes) is stable across processes.

export interface ServedFile {
	body: Uint8Array;
	contentType: string;
	filename: string;
	etag: string;
	size: number;
}

export type FileResult = { ok: true; file: ServedFile } | { ok: false; status: 400 | 404; message: string; param?: string };

const files = new LruCache<ServedFile>(64 * 1024 * 1024);

/** Forget every built file (benchmarks measure cold builds with it). */
export function clearExportCache(): void {
	files.clear();
}

const hashOf = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

function served(body: Uint8Array, contentType: string, filename: string): ServedFile {
	return { body, contentType, filename, etag: `"${hashOf(body).slice(0, 32)}"`, size: body.length };
}

/** Everything besides the spec that the bytes depend on: addresses, provider, pathways, dates. */
function contextKey(input: ExportInput): string {
	return hashOf(canonicalJson({ ...input, spec: null }));
}

const notFound = { ok: false, status: 404, message: 'This course has no published version with that number.' } as const;

async function load(db: Kysely<Database>, slug: string, number: number, origin: string) {
	const source = await readExportSource(db, slug, number);
	if (!source) return null;
	const input = await exportInputOf(db, source, origin);
	return { source, input, key: `${source.contentHash}|${source.badge?.sha256 ?? 'generated'}|${contextKey(input)}` };
}

export async function exportFile(
	db: Kysely<Database>,
	slug: string,
	number: number,
	format: CredentialFormat,
	lang: string | null,
	origin: string
): Promise<FileResult> {
	const found = await load(db, slug, number, origin);
	if (!found) return notFound;
	const languages = exportLanguages(format, found.input);
	if (lang !== null && !languages.includes(lang)) {
		return { ok: false, status: 400, param: 'lang', message: `This export has the language editions ${languages.join(', ')}.` };
	}
	const edition = lang ?? languages[0];
	const file = await cached(files, `${format}|${edition}|${found.key}`, () => {
		const built = buildExport(format, found.input, { lang: edition });
		return served(new TextEncoder().encode(built.body), `${built.contentType}; charset=utf-8`, built.filename);
	});
	return { ok: true, file };
}

export async function badgeFile(db: Kysely<Database>, slug: string, number: number, kind: 'png' | 'svg', origin: string): Promise<FileResult> {
	const found = await load(db, slug, number, origin);
	if (!found) return notFound;
	const { source, input } = found;
	const filename = `${slug}-v${number}-badge.${kind}`;
	if (kind === 'svg' && source.badge?.contentType === 'image/png') {
		return { ok: false, status: 404, message: 'This version’s badge was uploaded as a PNG; it has no SVG. Download badge.png.' };
	}
	const file = await cached(files, `badge.${kind}|${found.key}`, async () => {
		const svg = await versionBadgeSvg(db, source, input);
		if (kind === 'svg') return served(new TextEncoder().encode(svg!), 'image/svg+xml', filename);
		const png = svg === null ? await badgeBytes(db, source.badge!.id) : badgePng(svg);
		return served(png, 'image/png', filename);
	});
	return { ok: true, file };
}

/** The version's badge as SVG: its uploaded (sanitised) SVG or the generated one; null for a PNG upload. */
async function versionBadgeSvg(db: Kysely<Database>, source: PublishedExportSource, input: ExportInput): Promise<string | null> {
	if (!source.badge) return badgeSvg(badgeContent(input));
	if (source.badge.contentType === 'image/png') return null;
	return new TextDecoder().decode(await badgeBytes(db, source.badge.id));
}
