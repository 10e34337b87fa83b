import type { Kysely } from 'kysely';
import { canonicalJson } from '$lib/course-spec/canonical-json';
import type { Database } from '../db/types';
import { parseCatalogueQuery, QUERY_PARAMS, searchCatalogue } from '../catalogue';
import { listPublishedVersions, readPublishedVersion } from '../public-pages';
import { versionDownloads } from '../credential-exports';

// The read API's answers for published specs; every one reads published versions only.

const pageUrl = (origin: string, slug: string) => `${origin}/c/${encodeURIComponent(slug)}`;
const specsUrl = (origin: string, slug: string) => `${origin}/api/v1/specs/${encodeURIComponent(slug)}`;

/** GET /api/v1/specs: the catalogue's search as query parameters. */
export async function listSpecs(db: Kysely<Database>, params: URLSearchParams, origin: string) {
	const unknown = [...new Set(params.keys())].find((key) => !(QUERY_PARAMS as readonly string[]).includes(key));
	if (unknown) {
		return {
			ok: false,
			status: 400,
			code: 'unknown_parameter',
			message: `Unknown parameter "${unknown}". Known: ${QUERY_PARAMS.join(', ')}.`,
			param: unknown
		} as const;
	}
	const parsed = parseCatalogueQuery(params, { allowPageSize: true });
	if (!parsed.ok) {
		const [first] = parsed.issues;
		return { ok: false, status: 400, code: 'invalid_parameter', message: `${first.param}: ${first.message}`, param: first.param } as const;
	}
	const results = await searchCatalogue(db, parsed.query);
	return {
		ok: true,
		value: {
			items: results.items.map((hit) => ({
				slug: hit.slug,
				title: hit.title.map((run) => run.text).join(''),
				version: hit.version,
				publishedAt: hit.publishedAt.toISOString(),
				url: pageUrl(origin, hit.slug),
				api: specsUrl(origin, hit.slug),
				ects: hit.ects,
				eqfLevel: hit.eqfLevel,
				languages: hit.languages,
				provider: hit.provider,
				retired: hit.retired
			})),
			total: results.total,
			page: results.page,
			pageSize: results.pageSize
		}
	} as const;
}

/** GET /api/v1/specs/<slug>[/versions/<n>]: one published version with its spec and exports. */
export async function getSpecVersion(db: Kysely<Database>, slug: string, number: number | undefined, origin: string) {
	const found = await readPublishedVersion(db, slug, number);
	if (!found) return null;
	const { version, latest } = found;
	const versionUrl = `${specsUrl(origin, slug)}/versions/${version.number}`;
	const downloads = await versionDownloads(db, slug, version.number, origin);
	const retired = found.retiredAt !== null;
	return {
		body: {
			slug,
			version: version.number,
			latestVersion: latest,
			publishedAt: version.publishedAt.toISOString(),
			retired,
			retiredAt: found.retiredAt?.toISOString() ?? null,
			contentHash: version.contentHash,
			changeNotes: version.changeNotes,
			url: version.number === latest ? pageUrl(origin, slug) : `${pageUrl(origin, slug)}/v/${version.number}`,
			spec: version.spec,
			// Each download of this version by format (the same addresses the exports' own ids use).
			exports: downloads?.exports ?? { spec: `${versionUrl}/spec.json`, pdf: `${pageUrl(origin, slug)}/v/${version.number}/pdf` },
			badge: downloads ? downloads.badge : null
		},
		// The content hash names the spec; the rest of the answer (latest, retired) is in the tag too.
		etag: `"${version.contentHash}.${version.number}.${latest}${retired ? '.r' : ''}"`
	};
}

/** The spec of one version exactly as hashed: its canonical JSON, whose SHA-256 is the content hash. */
export async function getSpecJson(db: Kysely<Database>, slug: string, number: number) {
	const found = await readPublishedVersion(db, slug, number);
	if (!found) return null;
	return {
		body: canonicalJson(found.version.spec),
		etag: `"${found.version.contentHash}"`,
		filename: `${/^[a-z0-9-]+$/.test(slug) ? slug : 'course'}-v${number}.spec.json`
	};
}

/** GET /api/v1/specs/<slug>/versions: every published version, newest first. */
export async function listSpecVersions(db: Kysely<Database>, slug: string, origin: string) {
	const found = await listPublishedVersions(db, slug);
	if (!found) return null;
	return {
		slug,
		retired: found.retiredAt !== null,
		versions: found.versions.map((v) => ({
			version: v.number,
			publishedAt: v.publishedAt.toISOString(),
			contentHash: v.contentHash,
			changeNotes: v.changeNotes,
			api: `${specsUrl(origin, slug)}/versions/${v.number}`
		}))
	};
}

/** A version number from the URL: a positive whole number. */
export function parseVersionNumber(raw: string): number | null {
	return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}
