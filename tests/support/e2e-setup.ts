import { afterAll, afterEach, expect } from 'vitest';
import { takeCspViolations } from './browser';

// Every browser test fails when a page it drove broke the Content-Security-Policy.
afterEach(() => {
	expect(takeCspViolations(), 'Content-Security-Policy violations').toEqual([]);
});
afterAll(() => {
	expect(takeCspViolations(), 'Content-Security-Policy violations').toEqual([]);
});
