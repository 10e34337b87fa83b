import type { FieldMeta } from '../fields';
import { isRichTextEmpty } from '../rich-text';
import type { CourseSpec, LangCode, RichTextDoc } from '../types';

/** The primary language: the first language of instruction, English if none is set. */
export const primaryLanguage = (spec: CourseSpec): LangCode => spec.languages[0] ?? 'en';

/** The values at a field's path; an item field gives one value per item ("*" = every index). */
export function valuesAt(spec: CourseSpec, path: string): unknown[] {
	let values: unknown[] = [spec];
	for (const segment of path.split('.')) {
		values = values.flatMap((value) => {
			if (segment === '*') return Array.isArray(value) ? value : [];
			return value && typeof value === 'object' ? [(value as Record<string, unknown>)[segment]] : [];
		});
	}
	return values;
}

/** Whether a value of the field counts as filled in; translatable fields are read in `lang`. */
export function isAnswered(field: FieldMeta, value: unknown, lang: LangCode): boolean {
	if (field.translatable) {
		const translation = value && typeof value === 'object' ? (value as Record<string, unknown>)[lang] : undefined;
		if (field.kind === 'richtext') return !isRichTextEmpty(translation as RichTextDoc | undefined);
		return typeof translation === 'string' && translation.trim() !== '';
	}
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	return value !== null && value !== undefined;
}
