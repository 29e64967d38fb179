import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/engine';

export type EngineName = 'pglite' | 'postgres';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The engines the database tests run on: TEST_ENGINES=pglite,postgres (default: pglite only). */
export function testEngines(): EngineName[] {
  const names = (process.env.TEST_ENGINES ?? 'pglite').split(',').map((s) => s.trim());
  return names.filter((n): n is EngineName => n === 'pglite' || n === 'postgres');
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function openTestDatabase(engine: EngineName): Promise<Database & { url?: string }> {
  if (engine === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const name = `bb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
