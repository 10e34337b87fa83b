// How the history shows each kind of version (see VersionKind in the server's table types).

export type VersionKindName = 'named' | 'automatic' | 'before_restore' | 'restore';

export const KIND_LABELS: Record<VersionKindName, string> = {
	named: 'Named',
	automatic: 'Automatic',
	before_restore: 'Kept before restore',
	restore: 'Restore'
};

export const KIND_TONES: Record<VersionKindName, 'primary' | 'neutral' | 'warning' | 'success'> = {
	named: 'primary',
	automatic: 'neutral',
	before_restore: 'warning',
	restore: 'success'
};

export const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

/** Who a version is from, in a few words. */
export function versionByline(version: {
	kind: VersionKindName;
	savedBy: string | null;
	participants: string[];
}): string {
	switch (version.kind) {
		case 'automatic':
			return version.participants.length > 0 ? `Edits by ${joinNames(version.participants)}` : 'Changes made by the server';
		default:
			return version.savedBy ?? 'A former member';
	}
}

function joinNames(names: string[]): string {
	return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
