import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/engine';
import { openTestDatabase, testEngines } from '../support/engines';

/**
 * Issue 17 item 4: a rush (many more requests than the pool's 10 connections) waits its turn for a
 * connection instead of failing with "database unavailable" (503) after a few seconds in the queue.
 * 60 one-second queries on 10 connections queue for about 6 s, longer than the old 5 s wait.
 */
describe.skipIf(!testEngines().includes('postgres'))(
  'a rush waits for a pooled connection (issue 17.4)',
  () => {
    let direct: Database & { url?: string };
    let pooled: Database;

    beforeAll(async () => {
      direct = await openTestDatabase('postgres');
      pooled = await openDatabase({ url: direct.url!, onIdleError: () => undefined });
    });
    afterAll(async () => {
      await pooled.close();
      await direct.close();
    });

    it('60 queries of 1 s at once on 10 connections all answer (none refused as unavailable)', async () => {
      const started = Date.now();
      const results = await Promise.allSettled(
        Array.from({ length: 60 }, () => pooled.executeSql('select pg_sleep(1), 1 as one')),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      // They really queued: 6 rounds of 10.
      expect(Date.now() - started).toBeGreaterThan(5_500);
    }, 60_000);
  },
);
