import path from 'node:path';

export interface AppConfig {
	/** A PostgreSQL connection string; without it the embedded PGlite database is used. */
	databaseUrl: string | undefined;
	/** Where PGlite keeps its files. */
	dataDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const databaseUrl = env.DATABASE_URL?.trim() || undefined;
	const dataDir = path.resolve(env.DATA_DIR?.trim() || 'data');
	return { databaseUrl, dataDir };
}
