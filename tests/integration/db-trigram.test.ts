import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '$tests/support/db';

const { db } = await createTestDatabase();

describe('trigram similarity', () => {
	it('is available on both databases, and catches an inflected Finnish word stemming misses', async () => {
		const { rows } = await sql<{ stemmed: boolean; similar: number }>`
			select to_tsvector('finnish', 'yrityksissä') @@ to_tsquery('finnish', 'yritys') as stemmed,
				word_similarity('yritys', 'pienissä yrityksissä') as similar
		`.execute(db);
		expect(rows[0].stemmed).toBe(false);
		expect(rows[0].similar).toBeGreaterThan(0.5);
	});
});
