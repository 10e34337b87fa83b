import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
	CompiledQuery,
	PostgresAdapter,
	PostgresIntrospector,
	PostgresQueryCompiler,
	type DatabaseConnection,
	type Dialect,
	type Driver,
	type Kysely,
	type QueryResult,
	type TransactionSettings
} from 'kysely';
import workerSource from './pglite-worker.cjs?raw';

export interface WorkerPgliteOptions {
	/** Data directory, or `memory://` for a throwaway database. */
	dataDir: string;
	/** Passed to PGlite.create in the worker (memory, postgresql.conf lines; no functions). */
	options?: Record<string, unknown>;
	/** Compile PGlite's WASM with V8's baseline compiler only (see pglite-worker.cjs). */
	liftoffOnly?: boolean;
}

/** An error raised by PostgreSQL in the worker, with its fields (code, detail, constraint, ...). */
export class PgliteWorkerError extends Error {
	code?: string;
	constructor(fields: Record<string, unknown>) {
		super(String(fields.message ?? 'PGlite error'));
		Object.assign(this, fields);
		this.name = 'PgliteWorkerError';
	}
}

interface Reply {
	id: number;
	rows?: unknown[];
	affectedRows?: number;
	error?: Record<string, unknown>;
}

/**
 * The worker thread that runs PGlite, and the requests waiting on it. Statements are posted at once
 * and the worker answers them in order; the transaction gate below decides who may post.
 */
class PgliteWorker {
	private readonly pending = new Map<number, { resolve: (reply: Reply) => void; reject: (err: Error) => void }>();
	private nextId = 1;
	private exited: Error | null = null;

	private constructor(private readonly worker: Worker) {
		worker.on('message', (reply: Reply) => {
			const waiter = this.pending.get(reply.id);
			if (!waiter) return;
			this.pending.delete(reply.id);
			waiter.resolve(reply);
		});
		worker.on('exit', (code) => this.fail(new Error(`The PGlite worker stopped (exit code ${code}).`)));
		worker.on('error', (err) => this.fail(err));
	}

	static async start(config: WorkerPgliteOptions): Promise<PgliteWorker> {
		// Resolved here, next to this module (or its bundled chunk), since an eval'd worker has no location.
		const require = createRequire(import.meta.url);
		const worker = new Worker(workerSource, {
			eval: true,
			// The worker's JavaScript is PGlite's thin wrapper and short-lived rows: a small young
			// generation keeps its heap from growing to V8's default 16 MB semi-spaces.
			resourceLimits: { maxYoungGenerationSizeMb: 4 },
			workerData: {
				pglitePath: require.resolve('@electric-sql/pglite'),
				trgmPath: require.resolve('@electric-sql/pglite/contrib/pg_trgm'),
				dataDir: config.dataDir,
				options: config.options ?? {},
				liftoffOnly: config.liftoffOnly ?? false
			}
		});
		await new Promise<void>((resolve, reject) => {
			const onMessage = (message: { ready?: boolean; initError?: Record<string, unknown> }) => {
				cleanup();
				if (message.ready) resolve();
				else reject(new PgliteWorkerError(message.initError ?? { message: 'PGlite failed to start' }));
			};
			const onExit = (code: number) => {
				cleanup();
				reject(new Error(`The PGlite worker stopped while starting (exit code ${code}).`));
			};
			const onError = (err: Error) => {
				cleanup();
				reject(err);
			};
			const cleanup = () => {
				worker.off('message', onMessage);
				worker.off('exit', onExit);
				worker.off('error', onError);
			};
			worker.on('message', onMessage);
			worker.once('exit', onExit);
			worker.once('error', onError);
		}).catch(async (err) => {
			await worker.terminate();
			throw err;
		});
		return new PgliteWorker(worker);
	}

	request(message: { sql: string; params: readonly unknown[] } | { close: true }): Promise<Reply> {
		if (this.exited) return Promise.reject(this.exited);
		const id = this.nextId++;
		return new Promise<Reply>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.worker.postMessage({ id, ...message });
		});
	}

	async query<R>(sql: string, params: readonly unknown[]): Promise<QueryResult<R>> {
		const reply = await this.request({ sql, params: params.map(ownBytes) });
		if (reply.error) throw new PgliteWorkerError(reply.error);
		return {
			rows: (reply.rows ?? []) as R[],
			numAffectedRows: reply.affectedRows != null ? BigInt(reply.affectedRows) : undefined
		};
	}

	async close(): Promise<void> {
		if (this.exited) return;
		const reply = await this.request({ close: true });
		await this.worker.terminate();
		if (reply.error) throw new PgliteWorkerError(reply.error);
	}

	private fail(err: Error): void {
		this.exited ??= err;
		for (const waiter of this.pending.values()) waiter.reject(err);
		this.pending.clear();
	}
}

/** A Buffer from Node's pool is a view of 8 KiB shared with others; only its own bytes cross. */
function ownBytes(value: unknown): unknown {
	if (value instanceof Uint8Array && (value.byteOffset !== 0 || value.byteLength !== value.buffer.byteLength)) {
		return new Uint8Array(value);
	}
	return value;
}

/**
 * One PGlite session is one connection: while a transaction is open, statements of everyone else
 * wait here until it ends (as they would for a lock in PostgreSQL), so that nothing runs inside a
 * transaction it does not belong to. Statements outside transactions are not serialised here: they
 * are posted at once and the worker runs them in order.
 */
class TransactionGate {
	private owner: WorkerConnection | null = null;
	private waiters: Array<() => void> = [];

	async passFor(connection: WorkerConnection): Promise<void> {
		while (this.owner && this.owner !== connection) await this.freed();
	}

	async lock(connection: WorkerConnection): Promise<void> {
		// Checked and taken in the same turn: several waiters wake together and only one may win.
		while (this.owner && this.owner !== connection) await this.freed();
		this.owner = connection;
	}

	private freed(): Promise<void> {
		return new Promise<void>((resolve) => this.waiters.push(resolve));
	}

	unlock(connection: WorkerConnection): void {
		if (this.owner !== connection) return;
		this.owner = null;
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}
}

class WorkerConnection implements DatabaseConnection {
	constructor(
		private readonly worker: PgliteWorker,
		private readonly gate: TransactionGate
	) {}

	async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
		await this.gate.passFor(this);
		return this.worker.query<R>(compiledQuery.sql, compiledQuery.parameters);
	}

	// eslint-disable-next-line require-yield
	async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
		throw new Error('Streaming is not supported by PGlite.');
	}
}

class WorkerPgliteDriver implements Driver {
	private worker: PgliteWorker | null = null;
	private readonly gate = new TransactionGate();

	constructor(private readonly config: WorkerPgliteOptions) {}

	async init(): Promise<void> {
		this.worker = await PgliteWorker.start(this.config);
	}

	/**
	 * Closes PGlite and opens it again in a new worker. WASM memory only ever grows, so whatever a
	 * big job took (creating a database takes some 500 MiB) stays resident until the engine is
	 * replaced. Only while nothing else uses the database (at startup).
	 */
	async restart(): Promise<void> {
		if (!this.worker) return;
		const old = this.worker;
		this.worker = null;
		await old.close();
		this.worker = await PgliteWorker.start(this.config);
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		if (!this.worker) throw new Error('The PGlite worker is not running.');
		return new WorkerConnection(this.worker, this.gate);
	}

	async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
		const own = connection as WorkerConnection;
		await this.gate.lock(own);
		let begin = 'start transaction';
		if (settings.isolationLevel) begin += ` isolation level ${settings.isolationLevel}`;
		if (settings.accessMode) begin += ` ${settings.accessMode}`;
		try {
			await own.executeQuery(CompiledQuery.raw(begin));
		} catch (err) {
			this.gate.unlock(own);
			throw err;
		}
	}

	async commitTransaction(connection: DatabaseConnection): Promise<void> {
		await this.endTransaction(connection as WorkerConnection, 'commit');
	}

	async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		await this.endTransaction(connection as WorkerConnection, 'rollback');
	}

	async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
	}

	async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`));
	}

	async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
	}

	async releaseConnection(): Promise<void> {}

	async destroy(): Promise<void> {
		const worker = this.worker;
		this.worker = null;
		await worker?.close();
	}

	private async endTransaction(connection: WorkerConnection, statement: 'commit' | 'rollback'): Promise<void> {
		try {
			await connection.executeQuery(CompiledQuery.raw(statement));
		} finally {
			this.gate.unlock(connection);
		}
	}
}

function quoteIdentifier(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/**
 * PostgreSQL's SQL, several connections (statements pipeline to the worker; see TransactionGate),
 * and no advisory lock around migrations: a PGlite data directory belongs to one process.
 */
class WorkerPgliteAdapter extends PostgresAdapter {
	override async acquireMigrationLock(): Promise<void> {}
	override async releaseMigrationLock(): Promise<void> {}
}

/** Kysely over PGlite running in a worker thread (see pglite-worker.cjs). */
export class WorkerPgliteDialect implements Dialect {
	private driver: WorkerPgliteDriver | null = null;

	constructor(private readonly config: WorkerPgliteOptions) {}
	createAdapter() {
		return new WorkerPgliteAdapter();
	}
	createDriver(): Driver {
		this.driver = new WorkerPgliteDriver(this.config);
		return this.driver;
	}
	/** Replaces the engine with a fresh one (see WorkerPgliteDriver.restart); only while the database is unused. */
	async restartEngine(): Promise<void> {
		await this.driver?.restart();
	}
	createIntrospector(db: Kysely<any>) {
		return new PostgresIntrospector(db);
	}
	createQueryCompiler() {
		return new PostgresQueryCompiler();
	}
}
