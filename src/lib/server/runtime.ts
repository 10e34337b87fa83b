import path from 'node:path';
import { readConfig } from './config';
import { createDatabase, migrateToLatest, type DatabaseHandle } from './db';
import { createAuthLimiters, type AuthLimiters } from './auth/rate-limit';
import { createMailer, type Mailer } from './notifications/mailer';

/** Everything that must exist exactly once per process: the database, the login rate limiters, the mailer. */
export interface Runtime {
	database: DatabaseHandle;
	limiters: AuthLimiters;
	mailer: Mailer;
}

// Kept on globalThis because Vite's dev server may evaluate this module more than once,
// and PGlite cannot open one data directory twice.
const KEY = Symbol.for('co-course.runtime');
type Holder = { [KEY]?: Promise<Runtime> };

/** Opens the database and migrates it, once per process. */
export function getRuntime(): Promise<Runtime> {
	const holder = globalThis as Holder;
	holder[KEY] ??= startRuntime().catch((err) => {
		delete holder[KEY];
		throw err;
	});
	return holder[KEY];
}

async function startRuntime(): Promise<Runtime> {
	const config = readConfig();
	const database = await createDatabase(
		config.databaseUrl
			? { url: config.databaseUrl }
			: { pgliteDir: path.join(config.dataDir, 'pglite') }
	);
	try {
		const ran = await migrateToLatest(database.db);
		// Creating a PGlite database (and migrating it) leaves hundreds of MiB of WASM memory behind.
		if (ran.length > 0) await database.releaseEngineMemory();
	} catch (err) {
		await database.close();
		throw err;
	}
	return {
		database,
		limiters: createAuthLimiters(database.db),
		mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom })
	};
}

/** Finishes sending emails and closes the database, if it was opened; safe to call more than once. */
export async function closeRuntime(): Promise<void> {
	const holder = globalThis as Holder;
	const pending = holder[KEY];
	delete holder[KEY];
	if (!pending) return;
	const runtime = await pending.catch(() => undefined);
	await runtime?.mailer.close();
	await runtime?.database.close();
}
