import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './schema';

describe('safeRedirectTarget', () => {
	it.each(['/courses', '/courses/abc?tab=team', '/invite/xyz'])('follows the same-site path %s', (next) => {
		expect(safeRedirectTarget(next)).toBe(next);
	});

	it.each([null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)'])(
		'falls back for %s',
		(next) => {
			expect(safeRedirectTarget(next)).toBe('/courses');
			expect(safeRedirectTarget(next, '/home')).toBe('/home');
		}
	);
});
