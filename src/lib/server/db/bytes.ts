import { sql, type RawBuilder } from 'kysely';

/**
 * Document bytes as a SQL value that crosses the driver as base64 text, not as raw bytea: PGlite
 * converts bytea one byte at a time on the event loop that also serves every live socket (see
 * realtime/persistence.ts for the figures).
 */
export function bytesAsSql(bytes: Uint8Array): RawBuilder<Uint8Array> {
	const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
	return sql<Uint8Array>`decode(${base64}, 'base64')`;
}
