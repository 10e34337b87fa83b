import { ITEM_LABEL_PREFIX, type FieldKey } from '../fields';
import type { CourseSpec, LangCode } from '../types';
import { labelIn, LANGUAGES } from '../vocabularies';
import { m } from '$lib/paraglide/messages';
import { formatNumber as formatLocalNumber } from '$lib/i18n/format';
import { primaryLanguage } from './field-values';
import { canCheckVerbs, classifyOutcomeVerb } from './outcome-verbs';

// Quality rules: advice on a spec that is complete but could be better designed. They never block
// publishing; each finding points at the field or list item to look at.

export type Severity = 'warning' | 'info';

export const QUALITY_RULES = {
	'outcome-empty': { severity: 'warning', title: 'Learning outcome without text' },
	'outcome-not-assessed': { severity: 'warning', title: 'Learning outcome not assessed' },
	'outcome-not-taught': { severity: 'warning', title: 'Learning outcome taught by no module' },
	'assessment-without-outcome': { severity: 'warning', title: 'Assessment covers no outcome' },
	'outcome-vague-verb': { severity: 'warning', title: 'Outcome not observable' },
	'outcome-verb-unrecognised': { severity: 'info', title: 'Outcome verb not recognised' },
	'module-hours-mismatch': { severity: 'warning', title: 'Module hours differ from the workload' },
	'workload-ects-mismatch': { severity: 'warning', title: 'Workload does not match the credits' },
	'ects-out-of-scope': { severity: 'info', title: 'Scope outside 1–59 ECTS' }
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type QualityRuleCode = keyof typeof QUALITY_RULES;

export interface QualityIssue {
	code: QualityRuleCode;
	severity: Severity;
	message: string;
	fieldKey: FieldKey;
	/** The outcome, module or assessment concerned, if the finding is about one. */
	itemId?: string;
	/** The translation concerned, for findings about a text in a language other than the primary one. */
	lang?: LangCode;
}

export interface QualityOptions {
	/** Notional hours per ECTS credit: a national convention (Finland 27; ECTS guidance 25–30). */
	hoursPerEcts?: number;
}

/** Relative difference allowed between the workload and credits × hours per credit. */
export const WORKLOAD_TOLERANCE = 0.1;
/** Scope of a micro-credential in EHEA and Finnish guidance. */
export const ECTS_SCOPE = { min: 1, max: 59 } as const;

const HOURS_EPSILON = 0.05;
// Messages are worded when the check runs: in the page's language in the browser, the request's on the server.
const formatNumber = (n: number) => formatLocalNumber(Math.round(n * 10) / 10, { maximumFractionDigits: 1 });
const languageName = (code: LangCode) => {
	const concept = LANGUAGES.concepts.find((c) => c.code === code);
	return concept ? labelIn(concept.label) : code;
};

export function checkQuality(spec: CourseSpec, options: QualityOptions = {}): QualityIssue[] {
	const hoursPerEcts = options.hoursPerEcts ?? 27;
	const lang = primaryLanguage(spec);
	const issues: QualityIssue[] = [];
	const report = (code: QualityRuleCode, message: string, fieldKey: FieldKey, itemId?: string, inLang?: LangCode) =>
		issues.push({
			code,
			severity: QUALITY_RULES[code].severity,
			message,
			fieldKey,
			...(itemId ? { itemId } : {}),
			...(inLang ? { lang: inLang } : {})
		});
	// Rules about wording run in every language the course has text in; the others (links, hours)
	// are about the course, once. A missing translation is the panel's translation count, not a finding.
	const translations = spec.languages.filter((l) => l !== lang && canCheckVerbs(l));

	const assessed = new Set(spec.assessments.flatMap((a) => a.outcomeIds));
	const taught = new Set(spec.modules.flatMap((m) => m.outcomeIds));
	spec.learningOutcomes.forEach((outcome, i) => {
		const name = `${ITEM_LABEL_PREFIX.learningOutcomes}${i + 1}`;
		const text = (outcome.text[lang] ?? '').trim();
		if (text === '') {
			report('outcome-empty', m.rules_outcome_empty({ name, lang }), 'outcomeText', outcome.id);
			return;
		}
		if (!assessed.has(outcome.id)) {
			report('outcome-not-assessed', m.rules_outcome_not_assessed({ name }), 'outcomeText', outcome.id);
		}
		// Modules are optional: a course described without them has no teaching gap to report.
		if (spec.modules.length > 0 && !taught.has(outcome.id)) {
			report('outcome-not-taught', m.rules_outcome_not_taught({ name }), 'outcomeText', outcome.id);
		}
		if (canCheckVerbs(lang)) checkVerb(name, text, outcome.id, lang);
		for (const other of translations) {
			const translation = (outcome.text[other] ?? '').trim();
			if (translation !== '') checkVerb(m.rules_outcome_in_language({ name, language: languageName(other) }), translation, outcome.id, other);
		}
	});

	function checkVerb(name: string, text: string, itemId: string, textLang: LangCode) {
		const inLang = textLang === lang ? undefined : textLang;
		const verdict = classifyOutcomeVerb(text, textLang);
		if (verdict === 'vague') {
			report(
				'outcome-vague-verb',
				m.rules_outcome_vague_verb({ name }),
				'outcomeText',
				itemId,
				inLang
			);
		} else if (verdict === 'unknown') {
			report(
				'outcome-verb-unrecognised',
				m.rules_outcome_verb_unrecognised({ name }),
				'outcomeText',
				itemId,
				inLang
			);
		}
	}

	spec.assessments.forEach((assessment, i) => {
		if (assessment.outcomeIds.length === 0) {
			const message = m.rules_assessment_without_outcome({ name: `${ITEM_LABEL_PREFIX.assessments}${i + 1}` });
			report('assessment-without-outcome', message, 'assessmentOutcomes', assessment.id);
		}
	});

	const moduleHours = spec.modules.map((m) => m.hours).filter((h): h is number => h !== null);
	if (spec.workloadHours !== null && moduleHours.length > 0) {
		const sum = moduleHours.reduce((a, b) => a + b, 0);
		if (Math.abs(sum - spec.workloadHours) > HOURS_EPSILON) {
			const message = m.rules_module_hours_mismatch({ sum: formatNumber(sum), workload: formatNumber(spec.workloadHours) });
			report('module-hours-mismatch', message, 'modules');
		}
	}

	if (spec.workloadHours !== null && spec.ectsCredits !== null) {
		const expected = spec.ectsCredits * hoursPerEcts;
		if (Math.abs(spec.workloadHours - expected) > WORKLOAD_TOLERANCE * expected + HOURS_EPSILON) {
			const message = m.rules_workload_ects_mismatch({
				ects: formatNumber(spec.ectsCredits),
				hoursPerEcts: formatNumber(hoursPerEcts),
				expected: formatNumber(expected),
				workload: formatNumber(spec.workloadHours),
				tolerance: formatNumber(WORKLOAD_TOLERANCE * 100)
			});
			report('workload-ects-mismatch', message, 'workloadHours');
		}
	}

	if (spec.ectsCredits !== null && (spec.ectsCredits < ECTS_SCOPE.min || spec.ectsCredits > ECTS_SCOPE.max)) {
		const message = m.rules_ects_out_of_scope({ min: ECTS_SCOPE.min, max: ECTS_SCOPE.max, ects: formatNumber(spec.ectsCredits) });
		report('ects-out-of-scope', message, 'ectsCredits');
	}
	return issues;
}
