import type { Kysely } from 'kysely';
import { primaryLanguage } from '$lib/course-spec';
import type { Database } from '../db/types';
import { EXPORT_CONTENT_TYPES, badgeContent, exportLanguages, type BadgeContent, type ExportFormat } from '../exports';
import { formatNumber } from '$lib/i18n/format';
import { languageEdition } from '../exports/urls';
import { CREDENTIAL_FORMATS, formatDescription } from './formats';
import { m } from '$lib/paraglide/messages';
import { exportInputOf } from './input';
import { readExportSource } from './published';
import { versionUrls } from './urls';

// What a published version offers for download, for its public page and the API: each export with
// its address and language editions, and the badge with its alt text.

export interface Download {
	format: ExportFormat;
	title: string;
	explanation: string;
	url: string;
	/** "JSON-LD" or "JSON", for the reader. */
	kind: string;
	/** Other language editions (OB 3.0 has one document per language). */
	editions: { lang: string; url: string }[];
}

export interface VersionDownloads {
	downloads: Download[];
	/** Format → URL, for the API's `exports`. */
	exports: Record<ExportFormat | 'pdf', string>;
	badge: { png: string; svg: string | null; alt: string; uploaded: boolean };
}

/**
 * The badge's alt text on the page, in the reader's language (the export's own caption, badgeAlt,
 * stays in the content's language: it is part of the published file).
 */
function pageBadgeAlt(content: BadgeContent): string {
	const facts = [
		content.ects !== null ? `${formatNumber(content.ects)} ECTS` : '',
		content.eqfLevel !== null ? m.pathway_eqf_level({ level: content.eqfLevel }) : ''
	].filter(Boolean);
	return m.public_badge_alt({ details: [content.title || m.public_untitled_course(), ...facts, content.provider].filter(Boolean).join(', ') });
}

export async function versionDownloads(db: Kysely<Database>, slug: string, number: number, origin: string): Promise<VersionDownloads | null> {
	const source = await readExportSource(db, slug, number);
	if (!source) return null;
	const input = await exportInputOf(db, source, origin);
	const urls = versionUrls(origin, source.slug, source.number);
	const primary = primaryLanguage(input.spec);
	const downloads: Download[] = [...CREDENTIAL_FORMATS, 'spec' as const].map((format) => ({
		format,
		...formatDescription(format),
		url: urls.exports[format],
		kind: EXPORT_CONTENT_TYPES[format] === 'application/ld+json' ? 'JSON-LD' : 'JSON',
		editions:
			format === 'spec'
				? []
				: exportLanguages(format, input)
						.filter((lang) => lang !== primary)
						.map((lang) => ({ lang, url: languageEdition(urls.exports[format], lang) }))
	}));
	return {
		downloads,
		exports: { ...urls.exports, pdf: urls.pdf },
		badge: {
			png: urls.badgeImage,
			svg: source.badge?.contentType === 'image/png' ? null : urls.badgeSvg,
			// An uploaded picture says what the owner drew; the words of the generated one still describe the credential.
			alt: pageBadgeAlt(badgeContent(input)),
			uploaded: source.badge !== null
		}
	};
}
