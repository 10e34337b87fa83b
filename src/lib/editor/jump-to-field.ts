const CONTROL = 'input, select, textarea, [contenteditable]';

/**
 * Scrolls to a field or list by its anchor (see fieldAnchor) and puts the focus in it: its input,
 * else the list's first input, else its first button (an empty list's "Add").
 */
export function jumpToField(anchor: string): boolean {
	const target = document.getElementById(anchor);
	if (!target) return false;
	const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	target.scrollIntoView({ behavior: calm ? 'auto' : 'smooth', block: 'center' });
	const control = target.matches(CONTROL) ? target : (target.querySelector<HTMLElement>(CONTROL) ?? target.querySelector<HTMLElement>('button'));
	control?.focus({ preventScroll: true });
	return true;
}
