import { parse } from 'svelte/compiler';
import { describe, expect, test } from 'vitest';
import { readSvelteFile, svelteFiles } from '$tests/support/svelte-sources';

// Svelte's hydration writes a `value={…}` or `checked={…}` into the field, over whatever the person
// typed or chose while the page's script was still loading (seconds on a slow phone). Fields the
// server fills in therefore say defaultValue / defaultChecked (src/lib/forms/prefill.ts). Fields the
// script itself drives (bound, or with an event handler that keeps them in step) are left alone.

type AstNode = { type?: string; name?: string; value?: unknown; start?: number; attributes?: AstNode[]; [key: string]: unknown };

const NOT_TYPED_IN = new Set(['hidden', 'submit', 'button', 'reset', 'radio', 'checkbox']);

function staticText(attribute: AstNode | undefined): string | null {
	const parts = attribute && Array.isArray(attribute.value) ? (attribute.value as AstNode[]) : [];
	return parts.length === 1 && parts[0].type === 'Text' ? String(parts[0].data) : null;
}

function findOverwrittenFields(source: string): string[] {
	const ast = parse(source, { modern: true });
	const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
	const found: string[] = [];
	const visit = (value: unknown): void => {
		if (Array.isArray(value)) return value.forEach(visit);
		if (!value || typeof value !== 'object') return;
		const node = value as AstNode;
		if (node.type === 'RegularElement' && (node.name === 'input' || node.name === 'textarea')) {
			const attributes = node.attributes ?? [];
			const named = (name: string) => attributes.find((a) => a.type === 'Attribute' && a.name === name);
			const scriptDriven = attributes.some((a) => a.type === 'BindDirective' || (a.type === 'Attribute' && String(a.name).startsWith('on')));
			// A type chosen by an expression is a radio or checkbox in our forms: its value is what it sends.
			const type = staticText(named('type')) ?? (named('type') ? 'radio' : 'text');
			const dynamic = (a: AstNode | undefined) => a !== undefined && a.value !== true && staticText(a) === null;
			if (!scriptDriven) {
				const value = named('value');
				const checked = named('checked');
				if (node.name === 'textarea' && dynamic(value) && !named('defaultValue')) found.push(`line ${lineOf(Number(value!.start))}: <textarea value={…}>`);
				if (node.name === 'input' && !NOT_TYPED_IN.has(type) && dynamic(value)) found.push(`line ${lineOf(Number(value!.start))}: <input value={…}>`);
				if (node.name === 'input' && dynamic(checked)) found.push(`line ${lineOf(Number(checked!.start))}: <input checked={…}>`);
			}
		}
		for (const [key, child] of Object.entries(node)) {
			if (key === 'metadata') continue;
			visit(child);
		}
	};
	visit(ast.fragment);
	return found;
}

describe('fields the server fills in keep what was typed before hydration', () => {
	test.each(svelteFiles())('%s', (file) => {
		expect(findOverwrittenFields(readSvelteFile(file)), 'use defaultValue / defaultChecked (src/lib/forms/prefill.ts)').toEqual([]);
	});
});

describe('the check itself', () => {
	test('finds server-filled values and checks, not bound or script-driven fields, nor the value a choice sends', () => {
		const found = findOverwrittenFields(`
<input name="a" value={x} />
<input name="b" defaultValue={x} />
<input name="c" bind:value={x} />
<input name="d" value={x} oninput={(e) => (x = e.currentTarget.value)} />
<input type="radio" name="e" value={x} checked={y} />
<input type="radio" name="f" value={x} defaultChecked={y} />
<input type="hidden" name="g" value={x} />
<input name="h" value="static" />
<textarea name="i" value={x}></textarea>
<textarea name="j" defaultValue={x} value={serverRendered(x)}></textarea>
{#if z}<input name="k" value={x} />{/if}`);
		expect(found).toEqual(['line 2: <input value={…}>', 'line 6: <input checked={…}>', 'line 10: <textarea value={…}>', 'line 12: <input value={…}>']);
	});
});
