import { getField, ITEM_LABEL_PREFIX, type FieldKey } from '$lib/course-spec/fields';
import { ITEM_FIELDS, LIST_NAMES, type ItemFieldKey } from '$lib/course-spec/layout';
import type { CourseSpec, ListName } from '$lib/course-spec/types';
import type { Anchor } from './model';
import { m } from '$lib/paraglide/messages';

const DELETED_ITEM: Record<ListName, () => string> = {
	learningOutcomes: m.comments_deleted_outcome,
	modules: m.comments_deleted_module,
	assessments: m.comments_deleted_assessment
};

function listOf(field: string): ListName | null {
	if ((LIST_NAMES as readonly string[]).includes(field)) return field as ListName;
	return field in ITEM_FIELDS ? ITEM_FIELDS[field as ItemFieldKey].list : null;
}

/** What a thread is about, as people name it: "LO2 · Learning outcome", "ECTS credits", "LO3 (deleted)". */
export function anchorLabel(anchor: Pick<Anchor, 'field' | 'itemId'>, spec: CourseSpec): string {
	const list = listOf(anchor.field);
	const field = getField(anchor.field as FieldKey);
	if (!list || !anchor.itemId) return field?.label ?? anchor.field;
	const index = (spec[list] as { id: string }[]).findIndex((item) => item.id === anchor.itemId);
	const item = index === -1 ? DELETED_ITEM[list]() : `${ITEM_LABEL_PREFIX[list]}${index + 1}`;
	return anchor.field === list ? item : `${item} · ${field?.label ?? anchor.field}`;
}

/** The editor's DOM anchor of a thread's target, for jumping to it. */
export function anchorTarget(anchor: Pick<Anchor, 'field' | 'itemId'>): string {
	if (anchor.itemId && listOf(anchor.field) === anchor.field) return `item-${anchor.itemId}`;
	return anchor.itemId ? `field-${anchor.field}-${anchor.itemId}` : `field-${anchor.field}`;
}
