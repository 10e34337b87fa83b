const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** Length of item ids: 12 base32 characters = 60 random bits, ample within one course. */
const ITEM_ID_LENGTH = 12;

/**
 * A stable id for an outcome, module or assessment. Feedback, comments, alignment and exports refer
 * to it, so it never changes once created. Uses Web Crypto, present in browsers and Node 20.
 */
export function newItemId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(ITEM_ID_LENGTH));
	// 32 divides 256, so masking to 5 bits keeps every character equally likely.
	return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}
