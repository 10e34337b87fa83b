import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect';

const ORIGIN = 'http://courses.example.org';

describe('safeRedirectTarget', () => {
	it.each([
		['/courses', '/courses'],
		['/courses/abc?tab=team', '/courses/abc?tab=team'],
		['/courses/abc?tab=team#members', '/courses/abc?tab=team#members'],
		['/invite/abcdefghijklmnopqrstuvwxyz234567', '/invite/abcdefghijklmnopqrstuvwxyz234567'],
		['/c/%2F%2Fstill-a-path', '/c/%2F%2Fstill-a-path'],
		['/kurssit/äö', '/kurssit/%C3%A4%C3%B6'],
		['/a/../courses', '/courses']
	])('follows the same-origin path %j as %j', (next, expected) => {
		expect(safeRedirectTarget(next, ORIGIN)).toBe(expected);
	});

	it.each([
		null,
		undefined,
		'',
		'courses',
		'https://evil.example',
		'http://courses.example.org.evil.example/',
		'//evil.example',
		'///evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'/courses\\..\\..\\evil',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r/evil.example',
		'/courses\r\nSet-Cookie: x=1',
		'/\u0000evil',
		'/.//evil.example',
		'/..//evil.example',
		'/%2e//evil.example',
		' /courses',
		'javascript:alert(1)',
		'data:text/html,hi'
	])('falls back for %j', (next) => {
		expect(safeRedirectTarget(next, ORIGIN)).toBe('/courses');
		expect(safeRedirectTarget(next, ORIGIN, '/home')).toBe('/home');
	});
});
