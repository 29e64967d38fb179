import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/engine';

/**
 * Issue 18 (hostile check): the embedded database is one process's. A second process opening the
 * same DATA_DIR — a second `npm start`, a rolling deploy on one volume, an export of a live
 * folder — is refused by name instead of silently losing the other's writes.
 */
describe('the embedded database is locked to one process (issue 18)', () => {
  it('a second opening of the same DATA_DIR is refused, naming the folder; after close it opens again', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bb-lock-'));
    try {
      const first = await openDatabase({ dataDir });
      await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by another process/);
      await expect(openDatabase({ dataDir })).rejects.toThrow(dataDir);
      await first.close();
      const again = await openDatabase({ dataDir });
      await again.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
