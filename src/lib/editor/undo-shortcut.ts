/** Which history command a key press asks for: Mod+Z undo; Shift+Mod+Z or Ctrl+Y redo (Mod is ⌘ on Apple, else Ctrl). */
export function undoShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
	const mod = event.ctrlKey || event.metaKey;
	if (!mod || event.altKey) return null;
	const key = event.key.toLowerCase();
	if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
	if (key === 'y' && !event.shiftKey) return 'redo';
	return null;
}
