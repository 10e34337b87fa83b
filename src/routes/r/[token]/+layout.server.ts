import type { LayoutServerLoad } from './$types';

// Participants have no account: their pages show none of the app's chrome (see src/routes/+layout.svelte),
// and what they answered must never sit in a shared cache.
export const load: LayoutServerLoad = ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	return { bare: true };
};
