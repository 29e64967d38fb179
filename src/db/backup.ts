import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './engine';
import { exportDatabase, type PortableHeader } from './portable';

const NAME = /^bedriftsbillett-(\d{8}T\d{6}Z)\.jsonl$/;

/**
 * One scheduled backup (issue 18.4): the portable export of the whole database into `dir`, named by
 * its UTC time (`bedriftsbillett-20270201T013000Z.jsonl`), written under a temporary name and
 * renamed when complete, so a file with the name is always whole. Then only the newest `keep`
 * backups stay. A backup is restored with `npm run db:import -- <file>` into an empty database.
 */
export async function runBackup(
  database: Database,
  options: { dir: string; keep: number; now: Date },
): Promise<{ file: string; header: PortableHeader; removed: string[] }> {
  mkdirSync(options.dir, { recursive: true });
  const stamp = options.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = path.join(options.dir, `bedriftsbillett-${stamp}.jsonl`);
  const partial = `${file}.partial`;
  try {
    const header = await exportDatabase(database, partial);
    renameSync(partial, file);
    const backups = readdirSync(options.dir)
      .filter((name) => NAME.test(name))
      .sort()
      .reverse();
    const removed = backups.slice(Math.max(1, options.keep));
    for (const name of removed) rmSync(path.join(options.dir, name), { force: true });
    return { file, header, removed };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
