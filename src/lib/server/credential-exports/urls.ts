import type { ExportUrls } from '../exports';
import { CREDENTIAL_FORMATS, FORMAT_SEGMENTS } from './formats';

// Every address of one published version, from the origin, slug and number only: the API, the page,
// the builders' ids and the badge all agree because they all come from here.

export interface VersionUrls extends ExportUrls {
	/** /api/v1/specs/<slug>/versions/<n>: where the files live. */
	api: string;
	badgeSvg: string;
	pdf: string;
}

export function versionUrls(origin: string, slug: string, number: number): VersionUrls {
	const page = `${origin}/c/${encodeURIComponent(slug)}`;
	const api = `${origin}/api/v1/specs/${encodeURIComponent(slug)}/versions/${number}`;
	const exports = Object.fromEntries(CREDENTIAL_FORMATS.map((f) => [f, `${api}/exports/${FORMAT_SEGMENTS[f]}`]));
	return {
		page,
		version: `${page}/v/${number}`,
		api,
		badgeImage: `${api}/badge.png`,
		badgeSvg: `${api}/badge.svg`,
		pdf: `${page}/v/${number}/pdf`,
		exports: { ...(exports as Record<(typeof CREDENTIAL_FORMATS)[number], string>), spec: `${api}/spec.json` }
	};
}
