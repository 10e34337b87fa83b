import type { CourseSpec } from '$lib/course-spec/types';
import { primaryLanguage } from '$lib/course-spec/rules/field-values';
import { richTextToPlain, safeHref } from '$lib/course-spec/rich-text';
import { iscedField } from '$lib/course-spec/isced-f';
import { EQF_LEVELS, PARTICIPATION_FORMS, findConcept } from '$lib/course-spec/vocabularies';

// schema.org Course for search engines, from the published spec only.

const COURSE_MODE: Record<string, string> = { Online: 'online', Blended: 'blended', Presential: 'onsite' };

/** `meta.lang` is the edition the page shows (texts fall back to the primary language); the primary one by default. */
export function courseJsonLd(spec: CourseSpec, meta: { url: string; version: number; publishedAt: Date; lang?: string }) {
	const primary = primaryLanguage(spec);
	const lang = meta.lang ?? primary;
	const text = (value: Record<string, string>) =>
		(value[lang]?.trim() || value[primary]?.trim() || Object.values(value)[0]?.trim() || '') || undefined;
	const eqf = typeof spec.eqfLevel === 'number' ? findConcept(EQF_LEVELS, `http://data.europa.eu/snb/eqf/${spec.eqfLevel}`) : undefined;
	const form = findConcept(PARTICIPATION_FORMS, spec.participationForm)?.label.en;
	const website = safeHref(spec.awardingBody.website);
	return {
		'@context': 'https://schema.org',
		'@type': 'Course',
		'@id': meta.url,
		url: meta.url,
		name: text(spec.title),
		description: richTextToPlain(spec.summary[lang]) || richTextToPlain(spec.summary[primary]) || undefined,
		courseCode: spec.code ?? undefined,
		inLanguage: spec.languages,
		version: String(meta.version),
		datePublished: meta.publishedAt.toISOString(),
		provider: {
			'@type': 'Organization',
			name: text(spec.awardingBody.name),
			url: website ?? undefined,
			address: spec.awardingBody.country ? { '@type': 'PostalAddress', addressCountry: spec.awardingBody.country } : undefined
		},
		educationalLevel: eqf
			? { '@type': 'DefinedTerm', name: `EQF ${eqf.label.en.toLowerCase()}`, termCode: eqf.code, inDefinedTermSet: EQF_LEVELS.schemeUri }
			: undefined,
		numberOfCredits: spec.ectsCredits !== null ? { '@type': 'StructuredValue', value: spec.ectsCredits, unitText: 'ECTS' } : undefined,
		timeRequired: spec.workloadHours !== null ? `PT${spec.workloadHours}H` : undefined,
		teaches: spec.learningOutcomes.map((o) => text(o.text)).filter(Boolean),
		coursePrerequisites: text(spec.prerequisites),
		keywords: spec.topics.length > 0 ? spec.topics.join(', ') : undefined,
		about: iscedField(spec.fieldOfStudy)?.label,
		hasCourseInstance: form && COURSE_MODE[form] ? { '@type': 'CourseInstance', courseMode: COURSE_MODE[form] } : undefined,
		educationalCredentialAwarded: { '@type': 'EducationalOccupationalCredential', credentialCategory: 'Micro-credential' }
	};
}

/**
 * JSON for a <script type="application/ld+json"> element: nothing in it can end the element or start
 * markup, since '<', '>' and '&' (and the two JavaScript line separators) are written as \u escapes.
 */
export function scriptJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}
