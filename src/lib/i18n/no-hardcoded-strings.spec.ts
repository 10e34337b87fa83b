import { describe, expect, test } from 'vitest';
import { readSvelteFile, svelteFiles } from '$tests/support/svelte-sources';
import { findHardCodedStrings } from './template-strings';
import { PENDING } from './pending';

const files = svelteFiles();
const scan = (file: string) => findHardCodedStrings(readSvelteFile(file));

describe('components render text only through messages', () => {
	test.each(files.filter((file) => !PENDING.includes(file)))('%s', (file) => {
		const found = scan(file).map((s) => `line ${s.line} (${s.where}): ${JSON.stringify(s.text)}`);
		expect(found, 'Put these in messages/*.json (README: Interface languages)').toEqual([]);
	});
});

describe('the PENDING list only shrinks', () => {
	test('every listed file exists and is listed once', () => {
		expect(PENDING.filter((file) => !files.includes(file)), 'remove these from src/lib/i18n/pending.ts').toEqual([]);
		expect(new Set(PENDING).size).toBe(PENDING.length);
	});

	test.each(PENDING.filter((file) => files.includes(file)))('%s still has hard-coded text', (file) => {
		expect(scan(file).length, `${file} is converted: remove it from src/lib/i18n/pending.ts`).toBeGreaterThan(0);
	});
});

describe('the check itself', () => {
	test('finds text nodes and user-facing attributes, not code, ids or allowed names', () => {
		const found = findHardCodedStrings(
			[
				'<script>const label = "not template";</script>',
				'<h1>Hello</h1><p>{m.x()} · 2 — ×</p><p>Co-course ECTS</p>',
				'<input placeholder="Type here" name="email" class="wide" aria-label={m.y()} />',
				'<Field label="Email" hint="At least {n}" />',
				'<!-- a comment -->{#if a}<span title="Tip">{b}</span>{/if}',
				"<b>{open ? 'Close' : m.z()}</b><i>{x === 'draft' ? m.a() : fmt(y, 'short')}</i>",
				"<u aria-current={c ? 'page' : undefined} aria-label={`${n} unread`}></u>"
			].join('\n')
		);
		expect(found.map((f) => [f.where, f.text])).toEqual([
			['text', 'Hello'],
			['placeholder', 'Type here'],
			['label', 'Email'],
			['hint', 'At least'],
			['title', 'Tip'],
			['expression', 'Close'],
			['aria-label', 'unread']
		]);
	});
});
