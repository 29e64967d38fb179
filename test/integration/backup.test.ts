import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBillingMonth } from '../../src/app/billing/run-billing-month';
import { loadConfig } from '../../src/config';
import { runBackup } from '../../src/db/backup';
import { seedDemoData } from '../../src/db/demo';
import { importDatabase, summarizeTables } from '../../src/db/portable';
import { DATABASE_BACKUP_JOB, jobDefinitions } from '../../src/jobs/definitions';
import { openTestDatabase, testEngines } from '../support/engines';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 18.4: backups are the portable export on a schedule, with retention, and they restore.
 */
for (const engine of testEngines()) {
  describe(`scheduled backups (issue 18.4) [${engine}]`, () => {
    let app: TestApp;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'bb-backup-'));
      app = await createTestApp(engine, { now: '2027-02-03T10:00:00+01:00' });
      await seedDemoData(app.ctx);
      await runBillingMonth(app.ctx, { actor: { type: 'system', label: 'test' }, month: '2027-01' });
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps the newest BACKUP_KEEP backups, each whole, and the newest restores into an empty database', async () => {
      const made: string[] = [];
      for (const at of ['2027-02-01T01:30:00Z', '2027-02-02T01:30:00Z', '2027-02-03T01:30:00Z']) {
        const { file } = await runBackup(app.ctx.database, { dir, keep: 2, now: new Date(at) });
        made.push(path.basename(file));
      }
      expect(made[2]).toBe('bedriftsbillett-20270203T013000Z.jsonl');
      expect(readdirSync(dir).sort()).toEqual([made[1], made[2]]);

      const restored = await openTestDatabase(engine);
      try {
        await importDatabase(restored, path.join(dir, made[2]!));
        expect(await summarizeTables(restored)).toEqual(await summarizeTables(app.ctx.database));
      } finally {
        await restored.close();
      }
    });

    it('the scheduled job writes one into BACKUP_DIR, and nothing without it', async () => {
      const job = jobDefinitions.find((d) => d.name === DATABASE_BACKUP_JOB)!;
      const scheduled = path.join(dir, 'scheduled');
      await job.handle({ ...app.ctx, config: loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://' }) }, {});
      expect(existsSync(scheduled)).toBe(false);
      const config = loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: 'memory://',
        BACKUP_DIR: scheduled,
        BACKUP_KEEP: '3',
      });
      await job.handle({ ...app.ctx, config }, {});
      expect(readdirSync(scheduled).filter((name) => name.endsWith('.jsonl'))).toHaveLength(1);
    });
  });
}
