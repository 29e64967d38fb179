import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

/** Runs raw SQL (with or without parameters) on the engine; pg-boss and benchmarks use it. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  executeSql: ExecuteSql;
  /** The embedded engine's client (PGlite only), for libraries that adapt to it (pg-boss). */
  pglite?: PGlite;
  /**
   * Runs `work` while no other process of the product runs its own (a PostgreSQL session advisory
   * lock; PGlite has one process): start-up steps such as seeding, which several processes starting
   * at once on one database must not do twice.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The advisory lock key of the start-up steps (migrations, seeding). */
const STARTUP_LOCK = 7_100_001;

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens the database: PostgreSQL when a URL is given, else the embedded PGlite (in DATA_DIR,
 * or in memory for `memory://`). Migrations run before it is returned.
 */
export async function openDatabase(options: {
  url?: string;
  dataDir?: string;
  /** Told when the server drops an idle pooled connection (restart, admin command). */
  onIdleError?: (error: Error) => void;
  /** PostgreSQL: how long a query may wait for its answer (ms); default 120 000. */
  queryTimeoutMs?: number;
  /** PostgreSQL: how long a request may wait for a pooled connection, queue included (ms); default 30 000. */
  poolWaitMs?: number;
}): Promise<Database> {
  const database = options.url
    ? await openPostgres(
        options.url,
        options.onIdleError,
        options.queryTimeoutMs ?? 120_000,
        options.poolWaitMs ?? 30_000,
      )
    : await openPglite(options.dataDir);
  return database;
}

async function openPostgres(
  url: string,
  onIdleError: ((error: Error) => void) | undefined,
  queryTimeoutMs: number,
  poolWaitMs: number,
): Promise<Database> {
  // A request waits at most `poolWaitMs` for a connection of the pool, queue included: a rush of
  // orders (500 at once on 10 connections) waits its turn instead of failing with 503 (issue 17
  // item 4). While the server is away, connecting fails at once (refused, reset) and the request
  // gets 503; the pool reconnects by itself when the server is back. A connection the
  // network froze (no reset, no answer) is caught by the client's read timeout ("Query read
  // timeout", answered 503) and by TCP keep-alive probes, so no request or job waits on it forever.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: poolWaitMs,
    query_timeout: queryTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle connection the server closes (a restart, or a database dropped with its connections)
  // is discarded by the pool and replaced at the next query; without a listener its error would be
  // thrown as an uncaught exception and stop the process.
  pool.on('error', (error) => onIdleError?.(error));
  // Dates stay strings ('YYYY-MM-DD'), as on PGlite with drizzle's `mode: 'string'`.
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
      client.release();
    }
  };
  // Processes starting together on one database migrate one after the other.
  await exclusively(() => migratePg(db as never, { migrationsFolder }));
  return {
    kind: 'postgres',
    db,
    executeSql: async (text, values) => {
      const result = await pool.query(text, values as unknown[]);
      return { rows: result.rows };
    },
    exclusively,
    close: () => pool.end(),
  };
}

async function openPglite(dataDir?: string): Promise<Database> {
  let client: PGlite;
  let releaseLock: (() => Promise<void>) | undefined;
  if (!dataDir || dataDir === 'memory://') {
    client = new PGlite();
  } else {
    const dir = path.resolve(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    // One process at a time (the embedded database is not shared): a second one — a second
    // `npm start`, a rolling deploy on the same volume, an export of a live folder — is refused
    // by name instead of silently losing the other's writes (hostile check, issue 18). The lock
    // is renewed while the process lives, so a crashed process's lock goes stale in seconds.
    try {
      releaseLock = await lockfile.lock(dir, { stale: 10_000, update: 2_000, realpath: false });
    } catch (error) {
      if ((error as { code?: string }).code === 'ELOCKED') {
        throw new Error(
          `The embedded database in ${dir} is in use by another process. Stop it first (only one process may use an embedded database; for several, use PostgreSQL with DATABASE_URL).`,
        );
      }
      throw error;
    }
    client = new PGlite(dir);
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return {
    kind: 'pglite',
    db,
    pglite: client,
    exclusively: (work) => work(),
    executeSql: async (text, values) => {
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    close: async () => {
      await client.close();
      await releaseLock?.();
    },
  };
}

/**
 * Whether the database has every migration of this code: drizzle records each applied migration
 * with its journal time (`created_at` = the journal's `when`), so the newest journal entry must be
 * recorded. A process started by older code against a newer database is ready too (the migrations
 * only ever add).
 */
export async function migrationsApplied(db: Db): Promise<boolean> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const newest = Math.max(...journal.entries.map((entry) => entry.when));
  const result = (await db.execute(
    sql`select coalesce(max(created_at), 0)::bigint as latest from drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { latest: string | number }[] };
  return Number(result.rows[0]?.latest ?? 0) >= newest;
}
