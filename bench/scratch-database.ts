import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/engine';
import { seedExampleCatalog } from '../src/db/seed';

/** The PostgreSQL server the benchmarks use (BENCH_DATABASE_URL, else the tests' server). */
export const BASE_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
/** The data set's size: BENCH_COMPANIES companies with BENCH_PER_COMPANY subscriptions each. */
export const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 2000);
export const PER_COMPANY = Number(process.env.BENCH_PER_COMPANY ?? 50);

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` on a new, migrated database with the example catalog on the server (its URL too, for
 * processes of their own), and drops the database afterwards, whatever happens.
 */
export async function withScratchDatabase(
  prefix: string,
  work: (database: Database, url: string) => Promise<void>,
) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await seedExampleCatalog(database.db);
    await work(database, url.toString());
  } finally {
    await database.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}
