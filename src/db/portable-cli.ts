import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from './engine';
import { exportDatabase, importDatabase } from './portable';

/**
 * `npm run db:export -- <file>` and `npm run db:import -- <file>`: the database of this
 * configuration (DATABASE_URL, else the embedded one in DATA_DIR) to or from a portable file
 * (src/db/portable.ts). The import goes into an empty database, migrated on the way.
 */
async function main(command: string | undefined, file: string | undefined) {
  if ((command !== 'export' && command !== 'import') || !file) {
    console.error('usage: npm run db:export -- <file>   |   npm run db:import -- <file>');
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const where = config.DATABASE_URL
    ? 'PostgreSQL'
    : `the embedded database in ${path.resolve(config.DATA_DIR)}`;
  try {
    const tables =
      command === 'export'
        ? (await exportDatabase(database, file)).tables
        : await importDatabase(database, file);
    for (const t of tables)
      console.log(`  ${t.name.padEnd(32)} ${String(t.rows).padStart(9)}  ${t.checksum}`);
    const rows = tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      command === 'export'
        ? `exported ${rows} rows of ${tables.length} tables from ${where} to ${file}`
        : `imported ${rows} rows of ${tables.length} tables from ${file} into ${where}; counts and checksums match`,
    );
    return 0;
  } catch (error) {
    console.error(`db:${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv[2], process.argv[3]);
