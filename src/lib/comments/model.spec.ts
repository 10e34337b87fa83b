import { describe, expect, it } from 'vitest';
import { bodyRuns } from './model';

const sanna = { id: 'u1', name: 'Sanna Student', perspective: 'student' as const };

describe('a comment body is read as text, links and mentions, never as markup', () => {
	it('finds web links and the mentions it names, and leaves the rest as text', () => {
		expect(bodyRuns('@Sanna Student see https://example.org/a?b=1. <b>bold</b>', [sanna])).toEqual([
			{ kind: 'mention', text: '@Sanna Student', person: sanna },
			{ kind: 'text', text: ' see ' },
			{ kind: 'link', href: 'https://example.org/a?b=1', text: 'https://example.org/a?b=1' },
			{ kind: 'text', text: '. <b>bold</b>' }
		]);
	});

	it('does not link other schemes or words glued to a URL, and an unnamed @ is text', () => {
		expect(bodyRuns('javascript:alert(1) xhttps://a.b @Someone', [sanna])).toEqual([{ kind: 'text', text: 'javascript:alert(1) xhttps://a.b @Someone' }]);
	});
});
