import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// The project's own Svelte components, for the checks that read every one of them (hard-coded text,
// server-filled fields). Generated code (the compiled messages) is not ours to check.

const root = path.resolve(import.meta.dirname, '../..');

/** Every .svelte file under `dir` (relative to the repository), sorted, without src/lib/paraglide. */
export function svelteFiles(dir = 'src'): string[] {
	const walk = (relativeDir: string): string[] =>
		readdirSync(path.join(root, relativeDir), { withFileTypes: true }).flatMap((entry) => {
			const relative = `${relativeDir}/${entry.name}`;
			if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : walk(relative);
			return entry.name.endsWith('.svelte') ? [relative] : [];
		});
	return walk(dir).sort();
}

/** A component's source, by its path relative to the repository. */
export const readSvelteFile = (file: string): string => readFileSync(path.join(root, file), 'utf8');
