import { browser } from '$app/environment';

/**
 * A `<textarea>` the server fills in is written `<textarea defaultValue={text} value={serverRendered(text)}>`.
 * The server puts `value` between the tags (Svelte renders no content for `defaultValue` there); in the
 * browser `value` stays unset, so hydration does not overwrite what someone typed while the script was
 * still loading, and `defaultValue` updates the text only while nobody has typed in it (and for
 * form.reset()). Inputs need none of this: `defaultValue` / `defaultChecked` render on the server too.
 */
export const serverRendered = <T>(value: T): T | undefined => (browser ? undefined : value);
