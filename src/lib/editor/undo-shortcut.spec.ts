import { describe, expect, it } from 'vitest';
import { undoShortcut } from './undo-shortcut';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
	undoShortcut({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('undoShortcut', () => {
	it('reads undo and redo on every platform', () => {
		expect(press('z', { ctrlKey: true })).toBe('undo');
		expect(press('z', { metaKey: true })).toBe('undo');
		expect(press('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
		expect(press('y', { ctrlKey: true })).toBe('redo');
	});
	it('leaves other keys alone', () => {
		expect(press('z')).toBeNull();
		expect(press('z', { ctrlKey: true, altKey: true })).toBeNull();
		expect(press('b', { ctrlKey: true })).toBeNull();
	});
});
