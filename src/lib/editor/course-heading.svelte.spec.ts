import { describe, expect, it } from 'vitest';
import { CourseHeading } from './course-heading.svelte';

describe('CourseHeading', () => {
	it('shows the stored title until the editor reports a live one', () => {
		const heading = new CourseHeading();
		expect(heading.title('Platform economy')).toBe('Platform economy');
		heading.follow('Platform economy (pilot)', 'Platform economy');
		expect(heading.title('Platform economy')).toBe('Platform economy (pilot)');
	});

	it('gives way to fresher page data, such as a rename made elsewhere', () => {
		const heading = new CourseHeading();
		heading.follow('Platform economy (pilot)', 'Platform economy');
		expect(heading.title('Platform economy in practice')).toBe('Platform economy in practice');
	});
});
