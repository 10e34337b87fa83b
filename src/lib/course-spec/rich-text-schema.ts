import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { LIMITS } from './limits';
import { richTextToPlain, safeHref } from './rich-text';
import type { RichTextBlock, RichTextDoc, RichTextInline, RichTextListItem } from './types';

// Validation of one language's rich text: only the node and mark types of rich-text.ts, with the
// attributes Tiptap gives them; anything else is refused with the path of the offending node.

/** A strict object whose unknown-key issue names the key. */
export const strict = <const E extends v.ObjectEntries>(entries: E) =>
	v.strictObject(entries, (issue) =>
		issue.expected === 'never' ? m.schema_unknown_field({ name: issue.received }) : m.schema_expected_object()
	);

const optionalText = v.optional(v.nullable(v.pipe(v.string(), v.maxLength(LIMITS.urlLength))));

const linkMark = strict({
	type: v.literal('link'),
	attrs: strict({
		href: v.pipe(
			v.string(),
			v.maxLength(LIMITS.urlLength, () => m.schema_link_length({ max: LIMITS.urlLength })),
			v.check((href) => safeHref(href) !== null, () => m.schema_link_address())
		),
		target: optionalText,
		rel: optionalText,
		class: optionalText,
		title: optionalText
	})
});

const simpleMark = strict({
	type: v.picklist(['bold', 'italic', 'underline', 'strike', 'code']),
	// y-prosemirror reads attribute-less marks back with `attrs: {}`.
	attrs: v.optional(strict({}))
});

const mark = v.variant('type', [linkMark, simpleMark], () => m.schema_unknown_formatting());

const inline: v.GenericSchema<RichTextInline> = v.variant(
	'type',
	[
		strict({
			type: v.literal('text'),
			text: v.pipe(v.string(), v.minLength(1, () => m.schema_empty_text_node())),
			marks: v.optional(v.array(mark))
		}),
		strict({ type: v.literal('hardBreak') })
	],
	() => m.schema_paragraph_content()
);

const inlineContent = v.optional(v.array(inline));

const listItem: v.GenericSchema<RichTextListItem> = v.lazy(() =>
	strict({ type: v.literal('listItem'), content: v.array(block) })
);

const listContent = v.array(
	v.lazy(() => listItem),
	() => m.schema_list_items()
);

const block: v.GenericSchema<RichTextBlock> = v.lazy(() =>
	v.variant(
		'type',
		[
			strict({ type: v.literal('paragraph'), content: inlineContent }),
			strict({
				type: v.literal('heading'),
				attrs: strict({
					level: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6, () => m.schema_heading_level()))
				}),
				content: inlineContent
			}),
			strict({ type: v.literal('bulletList'), content: listContent }),
			strict({
				type: v.literal('orderedList'),
				attrs: v.optional(
					strict({
						start: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
						type: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(10))))
					})
				),
				content: listContent
			}),
			strict({ type: v.literal('blockquote'), content: v.array(block) })
		],
		() => m.schema_blocks()
	)
);

/** Nesting depth of a JSON value, counted only up to the limit so that hostile input stays cheap. */
function depthWithin(value: unknown, limit: number): boolean {
	if (limit < 0) return false;
	if (Array.isArray(value)) return value.every((v) => depthWithin(v, limit - 1));
	if (value && typeof value === 'object') return Object.values(value).every((v) => depthWithin(v, limit - 1));
	return true;
}

// Each block level costs three JSON levels (object, content array, item object).
const MAX_JSON_DEPTH = LIMITS.richTextDepth * 3;

export const richTextDocSchema: v.GenericSchema<unknown, RichTextDoc> = v.pipe(
	v.unknown(),
	v.check((d) => depthWithin(d, MAX_JSON_DEPTH), () => m.schema_rich_text_depth({ max: LIMITS.richTextDepth })),
	strict({ type: v.literal('doc'), content: v.optional(v.array(block)) }),
	v.check(
		(d) => richTextToPlain(d).length <= LIMITS.richTextLength,
		() => m.schema_rich_text_length({ max: LIMITS.richTextLength })
	)
);
