import type { CourseSpec } from '$lib/course-spec';
import type { ExportInput } from './types';

// An ExportInput around a spec fixture, for tests, the bench and the CLI's self-check: what the
// publishing step will pass in once versions are published (URLs under one example host).

export function sampleExportInput(spec: CourseSpec, overrides: Partial<ExportInput> = {}, slug = 'circular-product-design'): ExportInput {
	const base = 'https://courses.example.org';
	const version = overrides.version ?? 3;
	const api = `${base}/api/v1/specs/${slug}/versions/${version}`;
	return {
		spec,
		version,
		publishedAt: new Date('2026-06-15T09:30:00.000Z'),
		contentHash: 'sha256-3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
		urls: {
			page: `${base}/c/${slug}`,
			version: `${base}/c/${slug}/v/${version}`,
			badgeImage: `${api}/badge.png`,
			exports: {
				ob3Achievement: `${api}/exports/ob3-achievement`,
				ob3CredentialTemplate: `${api}/exports/ob3-credential-template`,
				elmLearningOpportunity: `${api}/exports/elm-learning-opportunity`,
				elmCredentialTemplate: `${api}/exports/elm-credential-template`,
				spec: `${api}/exports/spec`
			}
		},
		provider: { name: 'Example University of Applied Sciences', country: 'FI', website: 'https://www.example.fi' },
		coAuthors: [
			{ perspective: 'lecturer' },
			{ perspective: 'company_partner', organisation: 'Kierto Oy', organisationUrl: 'https://kierto.example' }
		],
		partOf: { pathways: [{ title: { en: 'Sustainable manufacturing pathway' }, url: `${base}/pathways/sustainable-manufacturing` }] },
		...overrides
	};
}
