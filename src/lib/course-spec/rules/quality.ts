import { ITEM_LABEL_PREFIX, type FieldKey } from '../fields';
import type { CourseSpec, LangCode } from '../types';
import { LANGUAGES } from '../vocabularies';
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
const formatNumber = (n: number) => String(Math.round(n * 10) / 10);
const languageName = (code: LangCode) => LANGUAGES.concepts.find((c) => c.code === code)?.label.en ?? code;

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
			report('outcome-empty', `${name} has no text in the main language (${lang}).`, 'outcomeText', outcome.id);
			return;
		}
		if (!assessed.has(outcome.id)) {
			report('outcome-not-assessed', `${name} is not assessed by any assessment.`, 'outcomeText', outcome.id);
		}
		// Modules are optional: a course described without them has no teaching gap to report.
		if (spec.modules.length > 0 && !taught.has(outcome.id)) {
			report('outcome-not-taught', `${name} is not addressed by any module.`, 'outcomeText', outcome.id);
		}
		if (canCheckVerbs(lang)) checkVerb(name, text, outcome.id, lang);
		for (const other of translations) {
			const translation = (outcome.text[other] ?? '').trim();
			if (translation !== '') checkVerb(`${name} (${languageName(other)})`, translation, outcome.id, other);
		}
	});

	function checkVerb(name: string, text: string, itemId: string, textLang: LangCode) {
		const inLang = textLang === lang ? undefined : textLang;
		const verdict = classifyOutcomeVerb(text, textLang);
		if (verdict === 'vague') {
			report(
				'outcome-vague-verb',
				`${name} uses a verb that cannot be observed or assessed (such as "understand" or "know"); say what the learner can do instead.`,
				'outcomeText',
				itemId,
				inLang
			);
		} else if (verdict === 'unknown') {
			report(
				'outcome-verb-unrecognised',
				`${name} does not start with a recognised action verb (such as "describe", "apply" or "compare").`,
				'outcomeText',
				itemId,
				inLang
			);
		}
	}

	spec.assessments.forEach((assessment, i) => {
		if (assessment.outcomeIds.length === 0) {
			const message = `Assessment ${i + 1} does not assess any learning outcome.`;
			report('assessment-without-outcome', message, 'assessmentOutcomes', assessment.id);
		}
	});

	const moduleHours = spec.modules.map((m) => m.hours).filter((h): h is number => h !== null);
	if (spec.workloadHours !== null && moduleHours.length > 0) {
		const sum = moduleHours.reduce((a, b) => a + b, 0);
		if (Math.abs(sum - spec.workloadHours) > HOURS_EPSILON) {
			const message = `The modules add up to ${formatNumber(sum)} h, but the workload is ${formatNumber(spec.workloadHours)} h.`;
			report('module-hours-mismatch', message, 'modules');
		}
	}

	if (spec.workloadHours !== null && spec.ectsCredits !== null) {
		const expected = spec.ectsCredits * hoursPerEcts;
		if (Math.abs(spec.workloadHours - expected) > WORKLOAD_TOLERANCE * expected + HOURS_EPSILON) {
			const message =
				`${formatNumber(spec.ectsCredits)} ECTS × ${hoursPerEcts} h is ${formatNumber(expected)} h, ` +
				`but the workload is ${formatNumber(spec.workloadHours)} h (more than ±${WORKLOAD_TOLERANCE * 100}% apart).`;
			report('workload-ects-mismatch', message, 'workloadHours');
		}
	}

	if (spec.ectsCredits !== null && (spec.ectsCredits < ECTS_SCOPE.min || spec.ectsCredits > ECTS_SCOPE.max)) {
		const message = `Micro-credentials usually carry ${ECTS_SCOPE.min}–${ECTS_SCOPE.max} ECTS; this one has ${formatNumber(spec.ectsCredits)}.`;
		report('ects-out-of-scope', message, 'ectsCredits');
	}
	return issues;
}
