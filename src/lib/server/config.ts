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

/**
 * The environment does not let the server start (a bad setting, a directory it cannot write). Its
 * message is the whole story for the operator: src/server.js prints it as one line and exits.
 */
export class StartupError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'StartupError';
	}
}
