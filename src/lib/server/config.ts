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
	/**
	 * Redis, for running several app processes side by side (live documents, presence and access
	 * changes are relayed through it); unset: one process, nothing Redis-related runs.
	 */
	redisUrl: string | undefined;
	/** What every Redis channel name starts with, so that several deployments can share one Redis. */
	redisPrefix: string;
}

const REDIS_PREFIX = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const databaseUrl = env.DATABASE_URL?.trim() || undefined;
	const dataDir = path.resolve(env.DATA_DIR?.trim() || 'data');
	const redisUrl = env.REDIS_URL?.trim() || undefined;
	if (redisUrl) {
		if (!/^rediss?:\/\//i.test(redisUrl)) {
			throw new StartupError('REDIS_URL must be a redis:// or rediss:// address (e.g. redis://127.0.0.1:6379).');
		}
		// Several processes are what Redis is for, and each would open its own copy of the embedded database.
		if (!databaseUrl) {
			throw new StartupError(
				'REDIS_URL is set but DATABASE_URL is not: several app processes cannot share the embedded database. ' +
					'Set DATABASE_URL to a PostgreSQL database that every process uses, or unset REDIS_URL to run one process.'
			);
		}
	}
	const redisPrefix = env.REDIS_PREFIX?.trim() || 'co-course';
	if (!REDIS_PREFIX.test(redisPrefix)) {
		throw new StartupError(
			'REDIS_PREFIX must be 1 to 64 letters, digits, dots, hyphens or underscores, starting with a letter or digit (e.g. cocourse-staging).'
		);
	}
	return {
		databaseUrl,
		dataDir,
		smtpUrl: env.SMTP_URL?.trim() || undefined,
		mailFrom: env.MAIL_FROM?.trim() || undefined,
		redisUrl,
		redisPrefix
	};
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
