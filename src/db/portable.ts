import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from './engine';

/** Runs one statement (values inlined as literals) and gives its rows. */
type Exec = (text: string) => Promise<Record<string, unknown>[]>;

function execIn(tx: Tx): Exec {
  return async (text) =>
    ((await tx.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;
}

/** A string as an SQL literal. */
function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The portable copy of the whole database (issue 18.4): one file of JSON lines that either engine
 * writes and either engine loads, so an installation moves from the embedded PGlite to PostgreSQL
 * (or back) without PostgreSQL's own tools.
 *
 * Line 1 is the header: the format, the newest migration applied, and per table its row count and
 * checksum. Then for each table, in an order that satisfies the foreign keys, `{"table": name}` and
 * one line per row (PostgreSQL's own `row_to_json`, so every type comes back exactly through
 * `json_populate_recordset`). The checksum is the md5 of the sorted md5s of the rows' JSON text in
 * UTC, computed by the database on both sides. The job queue (pg-boss) is not carried: the message
 * sweep resends queued messages and the schedules are made at start.
 */
export const PORTABLE_FORMAT = 'bedriftsbillett-export';
export const PORTABLE_VERSION = 1;

export interface TableSummary {
  name: string;
  rows: number;
  checksum: string;
}

export interface PortableHeader {
  format: typeof PORTABLE_FORMAT;
  version: number;
  /** drizzle's hash of the newest migration applied to the exported database. */
  migration: string;
  exportedAt: string;
  engine: Database['kind'];
  tables: TableSummary[];
}

/** The product's tables (schema public), parents before children (foreign keys). */
export async function productTables(exec: Exec): Promise<string[]> {
  const tables = await exec(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  );
  const edges = await exec(
    `select child.relname as child, parent.relname as parent
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace n on n.oid = child.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and child.oid <> parent.oid`,
  );
  const names = tables.map((t) => String(t.name));
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const edge of edges) parents.get(String(edge.child))?.add(String(edge.parent));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter((n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error('the foreign keys of the tables form a cycle');
    for (const name of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered;
}

/** Row count and checksum of each table, as the header states them. */
async function summarize(exec: Exec, tables: string[]): Promise<TableSummary[]> {
  const out: TableSummary[] = [];
  for (const name of tables) {
    const rows = await exec(
      `select count(*)::int as rows,
              md5(coalesce(string_agg(h, '' order by h), '')) as checksum
         from (select md5(row_to_json(t)::text) as h from ${ident(name)} t) x`,
    );
    out.push({ name, rows: Number(rows[0]!.rows), checksum: String(rows[0]!.checksum) });
  }
  return out;
}

/** Row count and checksum of every product table (UTC), as an export's header states them. */
export async function summarizeTables(database: Database): Promise<TableSummary[]> {
  return database.db.transaction(async (tx) => {
    const exec = execIn(tx);
    await exec("set local timezone = 'UTC'");
    return summarize(exec, await productTables(exec));
  });
}

async function newestMigration(exec: Exec): Promise<string> {
  const rows = await exec('select hash from drizzle.__drizzle_migrations order by created_at desc limit 1');
  return String(rows[0]?.hash ?? '');
}

/**
 * Writes the whole database to `file`. Run it with the product stopped (or no writes going on):
 * the rows and the header are read in one transaction, so the file is one consistent moment.
 */
export async function exportDatabase(database: Database, file: string): Promise<PortableHeader> {
  // Owner-only (0600): the file holds personal data and password hashes (hostile check, issue 18).
  const out = createWriteStream(file, { encoding: 'utf8', mode: 0o600 });
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  try {
    const header = await database.db.transaction(
      async (tx) => {
        const exec = execIn(tx);
        await exec("set local timezone = 'UTC'");
        const tables = await productTables(exec);
        const header: PortableHeader = {
          format: PORTABLE_FORMAT,
          version: PORTABLE_VERSION,
          migration: await newestMigration(exec),
          exportedAt: new Date().toISOString(),
          engine: database.kind,
          tables: await summarize(exec, tables),
        };
        await write(JSON.stringify(header));
        for (const name of tables) {
          await write(JSON.stringify({ table: name }));
          // Paged inside the one snapshot: memory stays bounded.
          for (let offset = 0; ; offset += PAGE) {
            const rows = await exec(
              `select row_to_json(t)::text as row from ${ident(name)} t order by ctid limit ${PAGE} offset ${offset}`,
            );
            for (const row of rows) await write(String(row.row));
            if (rows.length < PAGE) break;
          }
        }
        return header;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    out.end();
    await once(out, 'finish');
    return header;
  } catch (error) {
    out.destroy();
    throw error;
  }
}

const PAGE = 2_000;

/**
 * Loads `file` into `database`, which must be migrated to the same version and hold no rows (a
 * fresh `DATABASE_URL` or `DATA_DIR`: open it once, as the product does, and load before the first
 * start). All in one transaction: the row counts and checksums are compared with the header before
 * it commits, and any difference rolls everything back, naming the table.
 */
export async function importDatabase(database: Database, file: string): Promise<TableSummary[]> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new Error(`${file} is empty`);
  const header = JSON.parse(first.value) as PortableHeader;
  if (header.format !== PORTABLE_FORMAT || header.version !== PORTABLE_VERSION)
    throw new Error(`${file} is not a ${PORTABLE_FORMAT} file of version ${PORTABLE_VERSION}`);
  try {
    return await database.db.transaction(async (tx) => {
      const exec = execIn(tx);
      await exec("set local timezone = 'UTC'");
      if ((await newestMigration(exec)) !== header.migration)
        throw new Error('the target database is at another migration than the export: use the same version');
      const tables = await productTables(exec);
      const unknown = header.tables.filter((t) => !tables.includes(t.name)).map((t) => t.name);
      if (unknown.length > 0) throw new Error(`the target database has no table ${unknown.join(', ')}`);
      const filled: string[] = [];
      for (const name of tables) {
        const [row] = await exec(`select exists (select 1 from ${ident(name)}) as any`);
        if (row!.any) filled.push(name);
      }
      if (filled.length > 0)
        throw new Error(
          `the target database is not empty (rows in ${filled.join(', ')}); load into an empty one`,
        );

      let table: string | null = null;
      let batch: string[] = [];
      const flush = async () => {
        if (table && batch.length > 0) await insertRows(exec, table, batch);
        batch = [];
      };
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const line = next.value;
        if (!line) continue;
        if (line.startsWith('{"table":')) {
          await flush();
          table = (JSON.parse(line) as { table: string }).table;
          if (!tables.includes(table)) throw new Error(`the file names an unknown table ${table}`);
          continue;
        }
        batch.push(line);
        // A table that refers to itself goes in one statement (its keys are checked at its end).
        if (batch.length >= PAGE && !(await refersToItself(exec, table!))) await flush();
      }
      await flush();
      await resetSequences(exec, tables);
      const loaded = await summarize(
        exec,
        header.tables.map((t) => t.name),
      );
      for (const expected of header.tables) {
        const got = loaded.find((t) => t.name === expected.name)!;
        if (got.rows !== expected.rows)
          throw new Error(`${expected.name}: ${got.rows} rows loaded, the file says ${expected.rows}`);
        if (got.checksum !== expected.checksum)
          throw new Error(`${expected.name}: the checksum of the loaded rows differs from the file's`);
      }
      return loaded;
    });
  } finally {
    lines.close();
  }
}

const selfReferring = new Map<string, boolean>();
async function refersToItself(exec: Exec, table: string): Promise<boolean> {
  const known = selfReferring.get(table);
  if (known !== undefined) return known;
  const rows = await exec(
    `select exists (select 1 from pg_constraint where contype = 'f' and conrelid = confrelid
       and conrelid = ${literal(`public.${table}`)}::regclass) as self`,
  );
  const self = Boolean(rows[0]!.self);
  selfReferring.set(table, self);
  return self;
}

async function insertRows(exec: Exec, table: string, rows: string[]) {
  // Generated columns are computed again by the target; every other column comes from the file.
  const columns = await exec(
    `select attname from pg_attribute where attrelid = ${literal(`public.${table}`)}::regclass and attnum > 0
       and not attisdropped and attgenerated = '' order by attnum`,
  );
  const list = columns.map((c) => ident(String(c.attname))).join(', ');
  await exec(
    `insert into ${ident(table)} (${list}) select ${list}
       from json_populate_recordset(null::${ident(table)}, ${literal(`[${rows.join(',')}]`)}::json)`,
  );
}

/** Serial columns continue after the loaded rows. */
async function resetSequences(exec: Exec, tables: string[]) {
  for (const table of tables) {
    const name = literal(`public.${table}`);
    const rows = await exec(
      `select a.attname as col, pg_get_serial_sequence(${name}, a.attname) as seq
         from pg_attribute a where a.attrelid = ${name}::regclass and a.attnum > 0 and not a.attisdropped`,
    );
    for (const { col, seq } of rows) {
      if (!seq) continue;
      await exec(
        `select setval(${literal(String(seq))}, coalesce((select max(${ident(String(col))}) from ${ident(table)}), 0) + 1, false)`,
      );
    }
  }
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
