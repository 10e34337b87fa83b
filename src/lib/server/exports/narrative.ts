import { EQF_NOT_APPLICABLE, safeHref, type CourseSpec, type LangCode } from '$lib/course-spec';
import { countryName, nqfConcept, supervisionLabel } from './concepts';
import { activityTypeLabel, assessmentTypeLabel, learningSettingLabel, participationLabel, qualityAssuranceLabel, targetGroupLabel } from './labels';
import { escapeMarkdown as md, pick, pickRich } from './text';
import type { Pathway } from './types';

// The OB 3.0 criteria narrative (Markdown). Open Badges has no fields for most EU elements, so the
// mapping table puts them here in words a reader and an issuer's reviewer can check: outcomes,
// assessment, workload with "ECTS" named, level, participation, prerequisites and quality assurance.
// Headings are English: the UI is not translated yet, the values are in the edition's language.

export function criteriaNarrative(spec: CourseSpec, lang: LangCode, primary: LangCode, pathways: Pathway[]): string {
	const text = (value: Record<string, string>) => md(pick(value, lang, primary));
	const sections: string[] = [];

	const outcomes = spec.learningOutcomes.map((o) => text(o.text)).filter(Boolean);
	if (outcomes.length > 0) {
		sections.push(['## Learning outcomes', '', ...outcomes.map((o, i) => `${i + 1}. ${o}`)].join('\n'));
	}

	const outcomeNumbers = new Map(spec.learningOutcomes.map((o, i) => [o.id, `LO${i + 1}`]));
	const assessments = spec.assessments.map((a) => {
		const title = text(a.title);
		const type = assessmentTypeLabel(a.type);
		const covers = a.outcomeIds.map((id) => outcomeNumbers.get(id)).filter(Boolean);
		const description = md(pickRich(a.description, lang, primary)).replace(/\n+/g, ' ');
		return `- ${[title, type && (title ? `(${type})` : type)].filter(Boolean).join(' ') || 'Assessment'}${
			covers.length ? `, assesses ${covers.join(', ')}` : ''
		}${description ? `: ${description}` : ''}`;
	});
	const assessmentLines = [...assessments];
	const grading = text(spec.gradingScheme);
	if (grading) assessmentLines.push(`- Grading: ${grading}`);
	const supervision = supervisionLabel(spec.supervision);
	if (supervision) assessmentLines.push(`- Supervision and identity verification: ${supervision}`);
	if (assessmentLines.length > 0) sections.push(['## Assessment', '', ...assessmentLines].join('\n'));

	const modules = spec.modules.map((m) => {
		const details = [m.hours !== null ? `${m.hours} h` : '', activityTypeLabel(m.activityType) ?? ''].filter(Boolean);
		return `- ${text(m.title) || 'Module'}${details.length ? ` (${details.join(', ')})` : ''}`;
	});
	if (modules.length > 0) sections.push(['## Modules', '', ...modules].join('\n'));

	sections.push(['## Credential details', '', ...detailLines(spec, text, pathways, lang, primary)].join('\n'));
	return sections.join('\n\n');
}

function detailLines(
	spec: CourseSpec,
	text: (value: Record<string, string>) => string,
	pathways: Pathway[],
	lang: LangCode,
	primary: LangCode
): string[] {
	const lines: string[] = [];
	const workload = [
		spec.workloadHours !== null ? `${spec.workloadHours} hours` : '',
		spec.ectsCredits !== null ? `${spec.ectsCredits} ECTS credits` : ''
	].filter(Boolean);
	if (workload.length) lines.push(`- Workload: ${workload.join(', ')}`);
	const nqf = spec.nqfLevel?.trim();
	const level =
		typeof spec.eqfLevel === 'number'
			? `EQF level ${spec.eqfLevel}`
			: spec.eqfLevel === EQF_NOT_APPLICABLE
				? 'no EQF level applies'
				: '';
	if (level || nqf) lines.push(`- Level: ${[level, nqf ? `national level ${md(nqfConcept(nqf)?.prefLabel.en ?? nqf)}` : ''].filter(Boolean).join('; ')}`);
	const participation = participationLabel(spec.participationForm);
	if (participation) lines.push(`- Form of participation: ${participation}`);
	const setting = learningSettingLabel(spec.learningSetting);
	if (setting) lines.push(`- Learning setting: ${setting}`);
	const languages = spec.languages.join(', ');
	if (languages) lines.push(`- Languages of instruction: ${languages}`);
	const target = [text(spec.targetGroup.text), ...spec.targetGroup.categories.map((c) => targetGroupLabel(c) ?? '')].filter(Boolean);
	if (target.length) lines.push(`- Target group: ${target.join('; ')}`);
	const prerequisites = text(spec.prerequisites);
	if (prerequisites) lines.push(`- Prerequisites: ${prerequisites}`);
	const qaType = qualityAssuranceLabel(spec.qualityAssurance.type);
	const qaStatement = text(spec.qualityAssurance.statement);
	if (qaType || qaStatement) lines.push(`- Quality assurance: ${[qaType, qaStatement].filter(Boolean).join('. ')}`);
	const body = text(spec.awardingBody.name);
	const country = countryName(spec.awardingBody.country);
	if (body || country) lines.push(`- Awarding body: ${[body, country && (body ? `(${country})` : country)].filter(Boolean).join(' ')}`);
	lines.push(...stackabilityLines(spec, text, pathways, lang, primary));
	const further = text(spec.furtherInformation);
	if (further) lines.push(`- Further information: ${further}`);
	return lines;
}

function stackabilityLines(
	spec: CourseSpec,
	text: (value: Record<string, string>) => string,
	pathways: Pathway[],
	lang: LangCode,
	primary: LangCode
): string[] {
	const lines: string[] = [];
	if (spec.stackability.mode === 'standalone') lines.push('- Stackability: stand-alone');
	if (spec.stackability.mode === 'stackable') {
		const partOf = text(spec.stackability.partOf);
		const href = safeHref(spec.stackability.partOfUrl);
		const url = href ? ` <${href}>` : '';
		lines.push(`- Stackability: stackable${partOf ? ` towards ${partOf}` : ''}${url}`);
	}
	for (const pathway of pathways) {
		const href = safeHref(pathway.url);
		lines.push(`- Part of the pathway ${md(pick(pathway.title, lang, primary))}${href ? ` <${href}>` : ''}`);
	}
	return lines;
}
