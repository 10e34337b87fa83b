import type { ExportFormat } from './types';

// Which export a document is, from its own markers, for the CLI (`--format` overrides it).

type Json = Record<string, unknown>;

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

export function detectFormat(document: unknown): ExportFormat | null {
	if (!document || typeof document !== 'object' || Array.isArray(document)) return null;
	const doc = document as Json;
	const contexts = asList(doc['@context']).filter((c): c is string => typeof c === 'string');
	const types = asList(doc.type);
	if (contexts.some((c) => c.startsWith('http://data.europa.eu/snb/model/context/edc-ap'))) {
		if (types.includes('EuropeanDigitalCredential')) return 'elmCredentialTemplate';
		if (types.includes('LearningOpportunity')) return 'elmLearningOpportunity';
		return null;
	}
	if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) return 'ob3CredentialTemplate';
	if (types.includes('Achievement')) return 'ob3Achievement';
	if (doc.schemaVersion !== undefined && Array.isArray(doc.learningOutcomes)) return 'spec';
	return null;
}
