/**
 * `npm test`: every test of the product.
 *  1. unit + database tests (Vitest): the database tests on PGlite and, when it answers (required
 *     in CI), on the PostgreSQL server at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test);
 *  2. the web app build and the browser tests (Playwright on Debian's Chromium; required in CI).
 * Ends with one line "tests: N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const strict = process.env.CI === 'true' || process.env.REQUIRE_ALL_TESTS === '1';
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skipE2e = process.env.SKIP_E2E === '1';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file: string): any {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const problems: string[] = [];

const engines = ['pglite'];
if (await postgresAnswers()) engines.push('postgres');
else if (strict) problems.push(`PostgreSQL does not answer at ${postgresUrl}; CI requires it.`);
else console.warn(`\n! PostgreSQL does not answer at ${postgresUrl}: database tests run on PGlite only.\n`);

console.log(`\n== Unit and database tests (engines: ${engines.join(', ')}) ==\n`);
const vitestJson = path.join(tmpdir(), `bb-vitest-${process.pid}.json`);
const vitestStatus = run(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  {
    TEST_ENGINES: engines.join(','),
    TEST_DATABASE_URL: postgresUrl,
  },
);
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  rmSync(vitestJson, { force: true });
}
if (vitestStatus !== 0) problems.push('Vitest failed.');

if (skipE2e && !strict) {
  console.warn('\n! SKIP_E2E=1: browser tests not run.\n');
} else if (!existsSync(chromium)) {
  const message = `Chromium not found at ${chromium} (apt-get install -y chromium): browser tests not run.`;
  if (strict) problems.push(message);
  else console.warn(`\n! ${message}\n`);
} else {
  console.log('\n== Web build and browser tests ==\n');
  const webDir = path.join(tmpdir(), `bb-web-${process.pid}`);
  if (run('npx', ['vite', 'build', '--outDir', webDir, '--emptyOutDir', '--logLevel', 'warn']) !== 0) {
    problems.push('The web build failed.');
  } else {
    const playwrightJson = path.join(tmpdir(), `bb-playwright-${process.pid}.json`);
    const status = run('npx', ['playwright', 'test', '--reporter=list,json'], {
      WEB_DIR: webDir,
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    });
    const report = readJson(playwrightJson);
    if (report?.stats) {
      passed += report.stats.expected ?? 0;
      failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
    }
    rmSync(playwrightJson, { force: true });
    if (status !== 0) problems.push('Browser tests failed.');
  }
  rmSync(webDir, { recursive: true, force: true });
}

console.log('');
for (const problem of problems) console.error(`✗ ${problem}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);
