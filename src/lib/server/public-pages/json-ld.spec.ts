import { describe, expect, it } from 'vitest';
import { fullSpec } from '$lib/course-spec/fixtures';
import { courseJsonLd, scriptJson } from './json-ld';

describe('schema.org JSON-LD', () => {
	it('describes the course with credits, level, provider and outcomes', () => {
		const ld = courseJsonLd(fullSpec(), { url: 'https://x.example/c/cpd', version: 2, publishedAt: new Date('2026-03-12T00:00:00Z') });
		expect(ld).toMatchObject({
			'@type': 'Course',
			name: 'Circular Product Design',
			courseCode: 'CPD-101',
			numberOfCredits: { value: 3, unitText: 'ECTS' },
			educationalLevel: { termCode: '6' },
			provider: { name: 'Example University of Applied Sciences', address: { addressCountry: 'FI' } },
			hasCourseInstance: { courseMode: 'online' },
			timeRequired: 'PT81H'
		});
		expect(ld.teaches).toHaveLength(3);
	});

	it('cannot close its script element or open markup, and still parses to the same value', () => {
		const value = { name: '</script><script>alert(1)</script> & <!-- \u2028' };
		const json = scriptJson(value);
		expect(json).not.toMatch(/[<>&\u2028]/);
		expect(JSON.parse(json)).toEqual(value);
	});
});
