import path from 'node:path';
import { readConfig } from '../config';
import { createDatabase, migrateToLatest } from '../db';
import { accountTable, DemoRefused, seedDemo } from './seed';

const USAGE = 'Usage: npm run seed:demo [-- --force]';

/**
 * `npm run seed:demo`: fills the database `npm start` uses (DATABASE_URL, else PGlite in DATA_DIR) with
 * the demo and prints the accounts once. Returns the exit code.
 */
export async function runSeedDemoCli(args: string[], out: { log: (line: string) => void; error: (line: string) => void }): Promise<number> {
	const unknown = args.filter((a) => a !== '--force');
	if (args.includes('--help') || args.includes('-h')) {
		out.log(USAGE);
		out.log('Fills an empty instance with demo accounts and courses. --force adds them next to existing data; nothing is changed or removed.');
		return 0;
	}
	if (unknown.length > 0) {
		out.error(`Unknown option ${unknown[0]}. ${USAGE}`);
		return 2;
	}
	const config = readConfig();
	const where = config.databaseUrl ? 'the PostgreSQL database of DATABASE_URL' : `the embedded database in ${path.join(config.dataDir, 'pglite')}`;
	const database = await createDatabase(config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: path.join(config.dataDir, 'pglite') });
	const started = performance.now();
	try {
		await migrateToLatest(database.db);
		const origin = process.env.ORIGIN?.replace(/\/$/, '') || `http://localhost:${process.env.PORT || 3000}`;
		const result = await seedDemo(database.db, { force: args.includes('--force'), origin });
		out.log(`Demo data written to ${where} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
		out.log('');
		out.log(`Courses (${result.courses.length}):`);
		for (const course of result.courses) out.log(`  ${course.title} — ${course.story}`);
		out.log('');
		out.log('Demo accounts. The passwords are shown only now (the database keeps only their hashes): copy them.');
		out.log('');
		for (const line of accountTable(result.accounts)) out.log(line);
		if (!result.accounts.some((a) => a.role === 'admin')) out.log('  (no demo admin: the instance keeps the admin it has)');
		out.log('');
		out.log(`Start the app with \`npm start\` and log in at ${origin}/login.`);
		return 0;
	} catch (err) {
		if (err instanceof DemoRefused) {
			out.error(`[seed:demo] ${err.message}`);
			return 1;
		}
		throw err;
	} finally {
		await database.close();
	}
}
