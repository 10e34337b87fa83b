import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 120 random bits as 24 base32 characters: used for every entity id (matches src/params/id.ts). */
export function generateId(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

/** 160 random bits for bearer secrets (session and invite tokens); only their hashes are stored. */
export function generateSecretToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export const ID_PATTERN = /^[a-z2-7]{24}$/;
export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;
