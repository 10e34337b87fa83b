import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '$lib/server/db';

/**
 * The PGlite worker's Kysely driver keeps one session's semantics although statements from many
 * callers are in flight at once: a transaction is its owner's alone, errors keep PostgreSQL's fields,
 * bytes cross the thread intact. (PGlite only: this is its driver.)
 */
describe.skipIf(process.env.TEST_DB === 'postgres')('Kysely over PGlite in a worker thread', () => {
	let handle: DatabaseHandle;
	// Tables outside the app's schema, so this file needs no migrations.
	const db = () => handle.db as unknown as import('kysely').Kysely<any>;

	beforeAll(async () => {
		handle = await createDatabase({ pgliteDir: 'memory://' });
		await sql`create table counter (id int primary key, n int not null)`.execute(db());
		await sql`create table blobs (id int primary key, data bytea not null)`.execute(db());
		await sql`insert into counter values (1, 0)`.execute(db());
	});
	afterAll(() => handle?.close());

	it('runs a statement from outside a transaction after it, not inside it', async () => {
		let outside: Promise<number> | undefined;
		await expect(
			db()
				.transaction()
				.execute(async (trx) => {
					await sql`update counter set n = 100 where id = 1`.execute(trx);
					outside = sql<{ n: number }>`select n from counter where id = 1`.execute(db()).then((r) => r.rows[0].n);
					// Give the outside statement every chance to overtake the rollback.
					await new Promise((resolve) => setTimeout(resolve, 20));
					throw new Error('roll back');
				})
		).rejects.toThrow('roll back');
		expect(await outside).toBe(0);
	});

	it('serialises concurrent transactions: no read-modify-write is lost', async () => {
		await Promise.all(
			Array.from({ length: 20 }, () =>
				db()
					.transaction()
					.execute(async (trx) => {
						const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(trx);
						await sql`update counter set n = ${rows[0].n + 1} where id = 1`.execute(trx);
					})
			)
		);
		const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(db());
		expect(rows[0].n).toBe(20);
	});

	it("keeps PostgreSQL's error fields", async () => {
		const error = await sql`insert into counter values (1, 0)`.execute(db()).catch((err: unknown) => err);
		expect(error).toBeInstanceOf(Error);
		expect(error).toMatchObject({ code: '23505', constraint: 'counter_pkey' });
	});

	it('passes bytes both ways, a Buffer slice as exactly its own bytes', async () => {
		const pooled = Buffer.from('prefix-payload-suffix');
		const slice = pooled.subarray(7, 14); // a view into a larger buffer
		await sql`insert into blobs values (1, ${slice})`.execute(db());
		const { rows } = await sql<{ data: Uint8Array }>`select data from blobs where id = 1`.execute(db());
		expect(Buffer.from(rows[0].data).toString()).toBe('payload');
		expect(rows[0].data.byteLength).toBe(rows[0].data.buffer.byteLength);
	});

	it('restarts its engine on a data directory with every row kept, and the same handle goes on working', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-course-pglite-restart-'));
		const onDisk = await createDatabase({ pgliteDir: dir });
		try {
			const disk = onDisk.db as unknown as import('kysely').Kysely<any>;
			await sql`create table kept (id int primary key, note text not null)`.execute(disk);
			await sql`insert into kept values (1, 'before the restart')`.execute(disk);
			await onDisk.releaseEngineMemory();
			await sql`insert into kept values (2, 'after the restart')`.execute(disk);
			const { rows } = await sql<{ note: string }>`select note from kept order by id`.execute(disk);
			expect(rows.map((row) => row.note)).toEqual(['before the restart', 'after the restart']);
		} finally {
			await onDisk.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('does not restart an in-memory database, whose rows live only in its engine', async () => {
		await handle.releaseEngineMemory();
		const { rows } = await sql<{ n: number }>`select count(*)::int as n from counter`.execute(db());
		expect(rows[0].n).toBe(1);
	});
});
