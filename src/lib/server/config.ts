import path from 'node:path';

export interface AppConfig {
	/** A PostgreSQL connection string; without it the embedded PGlite database is used. */
	databaseUrl: string | undefined;
	/** Where PGlite keeps its files. */
	dataDir: string;
	/** SMTP server for notification emails, credentials included; unset: emails go to the log. */
	smtpUrl: string | undefined;
	/** The From address of notification emails. */
	mailFrom: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const databaseUrl = env.DATABASE_URL?.trim() || undefined;
	const dataDir = path.resolve(env.DATA_DIR?.trim() || 'data');
	return { databaseUrl, dataDir, smtpUrl: env.SMTP_URL?.trim() || undefined, mailFrom: env.MAIL_FROM?.trim() || undefined };
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
