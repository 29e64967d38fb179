import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/engine';
import { POSTGRES_URL, testEngines } from '../support/engines';

describe.runIf(testEngines().includes('postgres'))('database connections [postgres]', () => {
  it('an idle pooled connection closed by the server is reported and replaced, and does not stop the process', async () => {
    const name = `bb_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const closed: Error[] = [];
    const database = await openDatabase({ url: url.toString(), onIdleError: (error) => closed.push(error) });
    try {
      const { rows: before } = await database.executeSql('select pg_backend_pid() as pid');
      const pid = (before[0] as { pid: number }).pid;
      // The connection is back in the pool, idle; the server now ends it (as a restart would).
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await expect.poll(() => closed.length).toBe(1);
      expect((closed[0] as Error & { code?: string }).code).toBe('57P01');
      // The next query gets a new connection.
      const { rows } = await database.executeSql('select 1 as one');
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
