/**
 * Profiling aid for the billing run (issue 6): the instructions PostgreSQL executes for one
 * batch's statement (insertMonthLines) and for the floor's INSERT … SELECT of the same batch's
 * rows, counted by valgrind's callgrind. Unlike seconds, the counts are the same on every run
 * whatever else the machine does, so two shapes of the statement can be told apart by 1 %.
 *
 *   node --import tsx bench/instructions.ts       (needs valgrind and the PostgreSQL server binaries;
 *                                                  BENCH_COMPANIES, BENCH_PER_COMPANY, PROFILE_BATCH)
 *
 * It seeds the bench data in a scratch database, copies it into a private cluster in a temporary
 * folder, and runs each statement there in single-user mode (rolled back), counting only what
 * PostgreSQL does to plan and run it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { Tx } from '../src/db/engine';
import { companiesToBill, insertMonthLines } from '../src/db/repositories/billing';
import { generate } from './generate';
import { BASE_URL, COMPANIES, PER_COMPANY, withScratchDatabase } from './scratch-database';

const BATCH = Number(process.env.PROFILE_BATCH ?? 250);
const MONTH = { month: '2027-01', first: '2027-01-01', last: '2027-01-31' };

/** A query with its parameters written in as literals (values are ids, dates and our own text). */
function literal(query: { sql: string; params: unknown[] }): string {
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = query.params[Number(n) - 1];
    return value === null ? 'null' : `'${String(value).replace(/'/g, "''")}'`;
  });
}

/**
 * Runs a command as the postgres user when we are root (PostgreSQL refuses to run as root), and
 * returns what it wrote to stderr (the server's log in single-user mode, valgrind's summary).
 */
function asPostgres(command: string, args: string[], input?: string): string {
  const [cmd, argv] =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const run = spawnSync(cmd, argv, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`${command} failed (${run.status}):\n${run.stderr}`);
  return run.stderr;
}

async function main() {
  const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  const statements: Record<string, string> = {};
  await withScratchDatabase('bb_instr', async (database) => {
    await generate(database, '1', COMPANIES, PER_COMPANY);
    const batch = (await companiesToBill(database.db, MONTH.month, MONTH.first, MONTH.last)).slice(0, BATCH);
    // Capture the batch statement as the app sends it, without running it.
    const dialect = (
      database.db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }
    ).dialect;
    const capturing = {
      execute: async (query: SQL) => {
        const text = literal(dialect.sqlToQuery(query));
        if (!text.includes('set local')) statements.statement = text;
        return { rows: [{ subscriptions: 0, lines: 0, invoices: '[]' }] };
      },
    } as unknown as Tx;
    await insertMonthLines(capturing, { ...MONTH, companyIds: batch });
    statements.floor = `insert into bench_floor (invoice_id, line_no, subscription_id, description, holder_name,
        category_id, zone_ids, net_ore, vat_ore, gross_ore, days_valid, company_share_ore)
      select s.company_id, 1, s.id, 'Bedriftsbillett', s.first_name || ' ' || s.last_name, s.category_id,
        '["kristiansand"]'::jsonb, 72679, 8721, 81400, 31, 40700
      from subscriptions s where s.company_id = any('{${batch.join(',')}}'::uuid[])`;
    await database.executeSql('create table bench_floor (like invoice_lines including defaults)');

    const dir = mkdtempSync(join(tmpdir(), 'bb-instr-'));
    chmodSync(dir, 0o777);
    try {
      const data = join(dir, 'data');
      const url = new URL(BASE_URL);
      url.pathname = `/${(await database.executeSql('select current_database() as d')).rows[0]!.d}`;
      writeFileSync(join(dir, 'dump.sql'), execFileSync('pg_dump', [url.toString()], { maxBuffer: 1 << 30 }));
      chmodSync(join(dir, 'dump.sql'), 0o644);
      asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--locale=C.UTF-8', '-A', 'trust']);
      // The server's output goes to a log file: a pipe kept open by it would never let this return.
      asPostgres(join(bin, 'pg_ctl'), [
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-o',
        `-p 5499 -k ${dir} -c listen_addresses=''`,
        '-w',
        'start',
      ]);
      try {
        const psql = ['-h', dir, '-p', '5499', '-U', 'postgres', '-q', '-v', 'ON_ERROR_STOP=1'];
        asPostgres('psql', [...psql, '-c', 'create database bench']);
        asPostgres('psql', [...psql, '-d', 'bench', '-f', join(dir, 'dump.sql')]);
        asPostgres('psql', [...psql, '-d', 'bench', '-c', 'vacuum analyze']);
      } finally {
        asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-w', 'stop']);
      }
      const counts: Record<string, number> = {};
      for (const [name, text] of Object.entries(statements)) {
        const input = `begin;\n\nset local work_mem = '64MB';\n\n${text};\n\nrollback;\n\n`;
        const out = join(dir, `${name}.callgrind`);
        const log = asPostgres(
          'valgrind',
          [
            '--tool=callgrind',
            `--callgrind-out-file=${out}`,
            '--toggle-collect=PortalRun',
            '--toggle-collect=pg_plan_queries',
            join(bin, 'postgres'),
            '--single',
            '-j',
            '-D',
            data,
            'bench',
          ],
          input,
        );
        // A statement that failed would be counted as far as it got: refuse instead.
        if (/\bERROR:/.test(log)) throw new Error(`the ${name} statement failed:\n${log}`);
        const total = readFileSync(out, 'utf8').match(/^(?:summary|totals): (\d+)/m);
        if (!total) throw new Error(`no instruction count in ${out}`);
        counts[name] = Number(total[1]);
      }
      console.log(
        `one batch: ${batch.length} companies, ${batch.length * PER_COMPANY} lines (instructions, callgrind)`,
      );
      console.log(`  floor      ${(counts.floor! / 1e6).toFixed(1).padStart(8)} M`);
      console.log(
        `  statement  ${(counts.statement! / 1e6).toFixed(1).padStart(8)} M   ratio ${(counts.statement! / counts.floor!).toFixed(2)}×`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
