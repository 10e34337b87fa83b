// How the history shows each kind of version (see VersionKind in the server's table types).
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { INTL_LOCALES } from '$lib/i18n/locales';

export type VersionKindName = 'named' | 'automatic' | 'before_restore' | 'restore';

// Getters, so each read is in the language of the page reading it.
export const KIND_LABELS: Record<VersionKindName, string> = {
	get named() {
		return m.history_kind_named();
	},
	get automatic() {
		return m.history_kind_automatic();
	},
	get before_restore() {
		return m.history_kind_before_restore();
	},
	get restore() {
		return m.history_kind_restore();
	}
};

export const KIND_TONES: Record<VersionKindName, 'primary' | 'neutral' | 'warning' | 'success'> = {
	named: 'primary',
	automatic: 'neutral',
	before_restore: 'warning',
	restore: 'success'
};

/** Who a version is from, in a few words. */
export function versionByline(version: {
	kind: VersionKindName;
	savedBy: string | null;
	participants: string[];
}): string {
	switch (version.kind) {
		case 'automatic':
			return version.participants.length > 0
				? m.history_edits_by({ names: joinNames(version.participants) })
				: m.history_changes_by_server();
		default:
			return version.savedBy ?? m.review_queue_former_member();
	}
}

/** "A, B and C" / "A, B ja C" / "A, B och C". */
function joinNames(names: string[]): string {
	return new Intl.ListFormat(INTL_LOCALES[getLocale()], { type: 'conjunction' }).format(names);
}
