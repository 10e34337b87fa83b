import pg from 'pg';

/** Runs one statement on its own connection (creating and dropping schemas or databases). */
export async function adminQuery(url: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

/** Whether a PostgreSQL server answers at `url`. */
export async function postgresReachable(url: string): Promise<boolean> {
	try {
		await adminQuery(url, 'select 1');
		return true;
	} catch {
		return false;
	}
}
