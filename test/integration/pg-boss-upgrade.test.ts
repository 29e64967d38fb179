import OldBoss from 'pg-boss-v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEND_MESSAGE_JOB } from '../../src/app/messages';
import type { Database } from '../../src/db/engine';
import { startJobs } from '../../src/jobs/boss';
import { openTestDatabase, testEngines } from '../support/engines';

/**
 * Issue 18.6: pg-boss moved from 10 to the current major. pg-boss migrates its own schema at
 * `start()`; this proves it does so on a database the old version made, keeping the jobs that
 * were waiting and the schedules, so an installation upgrades in place.
 */
for (const engine of testEngines()) {
  describe(`pg-boss schema upgrade from version 10 (issue 18.6) [${engine}]`, () => {
    let database: Database & { url?: string };
    let jobs: Awaited<ReturnType<typeof startJobs>> | undefined;
    let oldSchemaVersion = 0;

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      // pg-boss 10 exactly as the product ran it before the upgrade (see git history of src/jobs/boss.ts).
      const old = new OldBoss({
        ...(database.url
          ? { connectionString: database.url, max: 2 }
          : { db: { executeSql: database.executeSql as never } }),
        schema: 'pgboss',
      });
      old.on('error', () => undefined);
      await old.start();
      await old.createQueue(SEND_MESSAGE_JOB, { name: SEND_MESSAGE_JOB, retryLimit: 5 });
      await old.createQueue('billing-monthly', { name: 'billing-monthly' });
      await old.send(SEND_MESSAGE_JOB, { messageId: 'waiting-before-upgrade' });
      await old.schedule('billing-monthly', '0 6 1 * *', {}, { tz: 'Europe/Oslo' });
      oldSchemaVersion = Number(
        (await database.executeSql('select version from pgboss.version')).rows[0]?.version,
      );
      await old.stop({ graceful: false, wait: true });
    });
    afterAll(async () => {
      await jobs?.boss.stop({ graceful: false });
      await database.close();
    });

    it('the current pg-boss takes over a pg-boss 10 database at start: the waiting job and the schedule survive', async () => {
      expect(oldSchemaVersion).toBeGreaterThan(0);
      jobs = await startJobs(database, database.url);
      const version = await jobs.boss.schemaVersion();
      expect(version).toBeGreaterThan(oldSchemaVersion);

      const [job] = await jobs.boss.fetch<{ messageId: string }>(SEND_MESSAGE_JOB);
      expect(job?.data).toEqual({ messageId: 'waiting-before-upgrade' });

      const schedules = await jobs.boss.getSchedules('billing-monthly');
      expect(schedules.map((s) => [s.cron, s.timezone])).toEqual([['0 6 1 * *', 'Europe/Oslo']]);
      // The migrated schema is the one a fresh install of the current version makes.
      const drift = await jobs.boss.detectSchemaDrift();
      expect({ ...drift, building: [], extraIndexes: [] }).toMatchObject({ ok: true });
      // The old schema is gone once its jobs are across.
      const { rows } = await database.executeSql(`select to_regnamespace('pgboss_v10') is null as gone`);
      expect(rows[0]?.gone).toBe(true);
    });

    it('a job sent through the upgraded queue in a product transaction is delivered', async () => {
      await database.db.transaction((tx) => jobs!.queue.send(tx, SEND_MESSAGE_JOB, { messageId: 'after' }));
      const [job] = await jobs!.boss.fetch<{ messageId: string }>(SEND_MESSAGE_JOB);
      expect(job?.data).toEqual({ messageId: 'after' });
    });
  });
}
