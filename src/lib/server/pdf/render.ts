import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { Shown } from '$lib/course-spec/present';
import { addressedLine } from '$lib/feedback/pilot-note';
import type { PilotFeedbackNote } from '../feedback/items';
import type { PublicEntry, PublicItem, PublicSpec } from '../public-pages/present';
import { richTextBlocks, type Block } from './rich-blocks';
import template from './course.typ?raw';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { formatDate, PUBLISHED_DATE } from '$lib/i18n/format';
import { inLocale } from '../i18n/in-locale';
// The fonts travel inside the server bundle, so the PDF looks the same on every machine and nothing
// is looked up on disk or fetched (Typst packages are not used for the same reason).
import interRegular from './fonts/Inter-Regular.otf?inline';
import interBold from './fonts/Inter-Bold.otf?inline';
import interItalic from './fonts/Inter-Italic.otf?inline';
import interBoldItalic from './fonts/Inter-BoldItalic.otf?inline';

export interface CoursePdfInput {
	spec: PublicSpec;
	provider: string;
	version: number;
	latest: number;
	publishedAt: Date;
	contentHash: string;
	retired: boolean;
	/** Absolute URLs of this version's page and of the latest one. */
	url: string;
	latestUrl: string;
	/** "Updated after pilot feedback", when the version answers pilot feedback (the team's words only). */
	pilotFeedback?: PilotFeedbackNote | null;
	/** "Co-created with…" when the owner shows it; empty otherwise. */
	coCreated?: string;
	/** The language of the PDF's own words (labels, headings): the edition's when the interface has it. */
	locale?: Locale;
}

type Value =
	| { kind: 'text'; text: string }
	| { kind: 'rich'; blocks: Block[] }
	| { kind: 'link'; href: string; text: string }
	| { kind: 'list' | 'tags'; items: string[] };

function valueOf(shown: Exclude<Shown, { kind: 'empty' }>): Value {
	switch (shown.kind) {
		case 'text':
			return { kind: 'text', text: shown.text };
		case 'html':
			return { kind: 'rich', blocks: richTextBlocks(shown.doc) };
		case 'link':
			return { kind: 'link', href: shown.href, text: shown.text };
		default:
			return { kind: shown.kind, items: shown.items };
	}
}

const entries = (list: PublicEntry[]) => list.map((e) => ({ label: e.label, value: valueOf(e.shown) }));
const items = (list: PublicItem[]) => list.map((item) => ({ heading: item.heading, entries: entries(item.entries) }));

/**
 * The PDF's own words in its language. `{page}`, `{pages}` and `{url}` stay as written for the
 * template to fill in (page numbers are Typst's to count; a link is an element, not text).
 */
function pdfLabels(input: CoursePdfInput, locale: Locale) {
	const o = { locale };
	const version = String(input.version);
	const date = formatDate(input.publishedAt, PUBLISHED_DATE, o);
	return {
		eyebrow: m.public_spec_eyebrow({}, o),
		version: m.public_version({ number: version }, o),
		published: m.public_published_on({ date }, o),
		footer: m.pdf_footer({ provider: input.provider, version, date }, o),
		page: m.pdf_page({ page: '{page}', pages: '{pages}' }, o),
		retiredLead: m.public_retired_notice_lead({}, o),
		retired: m.public_retired_notice({}, o),
		notLatest: m.pdf_not_latest({ number: version, latest: String(input.latest), url: '{url}' }, o),
		pilot: m.public_pilot_heading({}, o),
		summary: m.public_summary({}, o),
		about: m.public_about_heading({}, o),
		outcomes: m.public_outcomes_heading({}, o),
		outcomesIntro: m.public_outcomes_intro({}, o),
		modules: m.public_modules_heading({}, o),
		assessment: m.public_assessment_heading({}, o),
		credential: m.public_credential_heading({}, o),
		youSaid: m.public_you_said_heading({}, o),
		youSaidIntro: m.public_you_said_intro({}, o),
		said: m.public_you_said({}, o),
		changed: m.public_we_changed({}, o),
		provenance: m.pdf_provenance({ number: version }, o),
		contentHash: m.public_content_hash({}, o),
		authoritative: m.pdf_authoritative({ url: '{url}' }, o)
	};
}

/** The data the template lays out (exported for tests of what reaches Typst). */
export function pdfData(input: CoursePdfInput) {
	const locale = input.locale ?? 'en';
	// Everything worded for the PDF (the pilot line too) in the PDF's language, not the requester's.
	return inLocale(locale, () => pdfDataIn(input, locale));
}

function pdfDataIn(input: CoursePdfInput, locale: Locale) {
	const { spec } = input;
	return {
		labels: pdfLabels(input, locale),
		title: spec.title,
		lang: spec.lang.split('-')[0].toLowerCase(),
		provider: input.provider,
		version: String(input.version),
		latest: String(input.latest),
		isLatest: input.version === input.latest,
		hash: input.contentHash,
		retired: input.retired,
		url: input.url,
		latestUrl: input.latestUrl,
		coCreated: input.coCreated ?? '',
		summary: spec.summary?.shown.kind === 'html' ? richTextBlocks(spec.summary.shown.doc) : null,
		facts: entries(spec.facts),
		about: entries(spec.about),
		outcomes: spec.outcomes.map((o) => ({
			heading: o.heading,
			text: o.entries.map((e) => (e.shown.kind === 'text' ? e.shown.text : '')).join(' ')
		})),
		modules: items(spec.modules),
		assessments: items(spec.assessments),
		assessmentDetails: entries(spec.assessmentDetails),
		credential: entries(spec.credential),
		// In the PDF's language like its other labels, so a page never mixes two languages.
		pilot: input.pilotFeedback
			? { summary: input.pilotFeedback.summary, addressed: addressedLine(input.pilotFeedback.addressed, { locale }), items: input.pilotFeedback.items }
			: null
	};
}

let compiler: NodeCompiler | undefined;

function typst(): NodeCompiler {
	compiler ??= NodeCompiler.create({
		fontArgs: [
			{
				fontBlobs: [interRegular, interBold, interItalic, interBoldItalic].map((dataUrl) =>
					Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
				)
			}
		]
	});
	return compiler;
}

/** The course as an A4 PDF (tagged, with an outline); the same input gives the same bytes. */
export function renderCoursePdf(input: CoursePdfInput): Buffer {
	const compiler = typst();
	const result = compiler.compile({ mainFileContent: template, inputs: { data: JSON.stringify(pdfData(input)) } });
	try {
		const error = result.takeError();
		if (error || !result.result) {
			const details = error?.shortDiagnostics.map((d) => JSON.stringify(d)).join('\n') ?? 'no document';
			throw new Error(`Typst could not lay out the course PDF:\n${details}`);
		}
		return compiler.pdf(result.result);
	} finally {
		// Typst memoises layouts across compilations; keep only what recent ones used.
		compiler.evictCache(10);
	}
}
