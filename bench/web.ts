/**
 * Phone pages benchmark (issue 17 item 6): for the employee's order page, the wallet and the
 * inspector, the JavaScript a phone loads to show the page (gzip KB, bar ≤ 120) and Lighthouse's
 * mobile preset on Debian's Chromium (performance score, bar ≥ 90; LCP, bar ≤ 2.5 s).
 *
 * The baseline, measured in the same run: a bare React 19 page (one heading rendered by
 * react-dom, built by the same Vite and served with the same compression and caching), the least
 * a React app can send. Each page's bytes are printed as a ratio to it, and Lighthouse is run on
 * it too.
 *
 *   npm run bench:web                    builds (`npm run build`), then measures
 *   BENCH_WEB_SKIP_BUILD=1 npm run bench:web   uses the existing dist/
 *   BENCH_WEB_ROUNDS=5 npm run bench:web       Lighthouse rounds per page (median; default 3)
 *   BENCH_WEB_PORT=3224                  the product server's port (the baseline takes a free one)
 *   BENCH_WEB_CPU_SLOWDOWN=2             Lighthouse's CPU multiplier instead of the preset's 4, to
 *                                        calibrate for a machine slower than Lighthouse's reference
 *                                        (its benchmark index is printed; the bars use the preset)
 *
 * The product runs compiled (dist/server/main.js) on a fresh embedded PGlite with the demo data
 * set (`npm run demo`). Not part of `npm test`: Lighthouse takes minutes.
 */

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');
const WEB_DIR = path.join(ROOT, 'dist', 'web');
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3224);
const ROUNDS = Number(process.env.BENCH_WEB_ROUNDS ?? 3);
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CPU_SLOWDOWN = process.env.BENCH_WEB_CPU_SLOWDOWN
  ? Number(process.env.BENCH_WEB_CPU_SLOWDOWN)
  : undefined;

const BAR_JS_KB = 120;
const BAR_SCORE = 90;
const BAR_LCP_S = 2.5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => bytes / 1024;

/** gzip (level 9) size in bytes of a built file, by its URL path. */
function gzipBytes(dir: string, urlPath: string): number {
  return gzipSync(readFileSync(path.join(dir, urlPath)), { level: 9 }).length;
}

/** Builds the bare React page into a temporary folder; returns the folder. */
async function buildBaseline(): Promise<string> {
  const src = mkdtempSync(path.join(tmpdir(), 'bench-web-baseline-src-'));
  const out = mkdtempSync(path.join(tmpdir(), 'bench-web-baseline-'));
  writeFileSync(
    path.join(src, 'index.html'),
    '<!doctype html><html lang="nb"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="Grunnlinje"><title>Grunnlinje</title></head><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>',
  );
  writeFileSync(
    path.join(src, 'main.js'),
    "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(createElement('h1', null, 'Bedriftsbillett'));\n",
  );
  await build({
    root: src,
    configFile: false,
    logLevel: 'warn',
    resolve: {
      alias: {
        react: path.join(ROOT, 'node_modules/react'),
        'react-dom': path.join(ROOT, 'node_modules/react-dom'),
      },
    },
    build: { outDir: out, emptyOutDir: true },
  });
  rmSync(src, { recursive: true, force: true });
  return out;
}

/** Serves a folder like the product serves dist/web: brotli, hashed assets immutable. */
function serveStatic(dir: string): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]!;
    const file = path.join(dir, url === '/' ? 'index.html' : url);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    const cache = url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'br', 'cache-control': cache });
    res.end(brotliCompressSync(readFileSync(file)));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as { port: number }).port }),
    ),
  );
}

/** Starts the compiled product on a fresh PGlite with the demo data; resolves with the order URL. */
async function startProduct(dataDir: string) {
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(ROOT, 'dist/server/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      DEMO_DATA: '1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const orderUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/\S+\/bestill\/\S+)/.exec(out);
      if (match) resolve(match[1]!.replace(/^http:\/\/[^/]+/, `http://127.0.0.1:${PORT}`));
    });
    child.on('exit', (code) => reject(new Error(`the server stopped (${code}):\n${out}`)));
  });
  return { child, orderUrl };
}

type Page = { name: string; url: string; dir: string };
type Measured = {
  page: Page;
  jsBytes: number;
  scripts: string[];
  scores: number[];
  lcps: number[];
  /** Lighthouse's other metrics of the last round: FCP, TBT, CLS, Speed Index. */
  detail: string;
};

/** One Lighthouse run, tried again (up to 3 times) when Chromium's trace comes back broken. */
async function runLighthouse(port: number, url: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runLighthouseOnce(port, url);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`  (Lighthouse failed on ${url}, again: ${(error as Error).message})`);
    }
  }
}

/** One Lighthouse run (mobile preset, simulated throttling): score, LCP (ms), scripts loaded. */
async function runLighthouseOnce(port: number, url: string) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const items = (
    lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string }[] }
  )?.items;
  const scripts = (items ?? [])
    .filter((i) => i.resourceType === 'Script' && i.url.startsWith(new URL(url).origin))
    .map((i) => new URL(i.url).pathname);
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
  return {
    detail: `FCP ${metric('first-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    scripts: [...new Set(scripts)],
  };
}

/** The product's Cache-Control for index.html and one hashed asset (issue 17 item 6). */
async function checkCaching(origin: string): Promise<string[]> {
  const html = await fetch(`${origin}/`, { headers: { 'accept-encoding': 'br, gzip' } });
  const body = await html.text();
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(body)?.[1];
  const lines = [
    `index.html: cache-control ${html.headers.get('cache-control')}, encoding ${html.headers.get('content-encoding')}`,
  ];
  if (asset) {
    const a = await fetch(`${origin}${asset}`, { headers: { 'accept-encoding': 'br, gzip' } });
    await a.arrayBuffer();
    lines.push(
      `${asset}: cache-control ${a.headers.get('cache-control')}, encoding ${a.headers.get('content-encoding')}`,
    );
  }
  return lines;
}

async function main() {
  if (!process.env.BENCH_WEB_SKIP_BUILD || !existsSync(path.join(ROOT, 'dist/server/main.js'))) {
    console.log('building (npm run build) …');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const baselineDir = await buildBaseline();
  const baseline = await serveStatic(baselineDir);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-web-data-'));
  const { child, orderUrl } = await startProduct(dataDir);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const origin = `http://127.0.0.1:${PORT}`;
    console.log(`\ncaching and compression of the product:\n  ${(await checkCaching(origin)).join('\n  ')}`);
    const pages: Page[] = [
      { name: 'baseline: bare React 19 page', url: `http://127.0.0.1:${baseline.port}/`, dir: baselineDir },
      { name: 'order page (/bestill/…)', url: orderUrl, dir: WEB_DIR },
      { name: 'wallet (/billett)', url: `${origin}/billett`, dir: WEB_DIR },
      { name: 'inspector (/kontroll)', url: `${origin}/kontroll`, dir: WEB_DIR },
    ];
    const measured: Measured[] = pages.map((page) => ({
      page,
      jsBytes: 0,
      scripts: [],
      scores: [],
      lcps: [],
      detail: '',
    }));
    const benchmarkIndexes: number[] = [];
    // Rounds alternate the pages, so a slow spell of the shared machine hits all of them.
    for (let round = 0; round < ROUNDS; round++) {
      for (const m of measured) {
        const r = await runLighthouse(chrome.port, m.page.url);
        m.scores.push(r.score);
        m.lcps.push(r.lcpMs);
        m.detail = r.detail;
        benchmarkIndexes.push(r.benchmarkIndex);
        if (round === 0) {
          m.scripts = r.scripts;
          m.jsBytes = r.scripts.reduce((sum, s) => sum + gzipBytes(m.page.dir, s), 0);
        }
      }
      console.log(`  Lighthouse round ${round + 1}/${ROUNDS} done`);
    }
    const base = measured[0]!;
    console.log(
      `\nInitial JavaScript (every script the page loaded in Lighthouse's run, gzip -9) and Lighthouse mobile (median of ${ROUNDS}; CPU ×${CPU_SLOWDOWN ?? '4 (preset)'}; this machine's benchmark index ${Math.round(median(benchmarkIndexes))}):`,
    );
    console.log(
      `${'page'.padEnd(32)} ${'JS gzip'.padStart(9)} ${'÷ base'.padStart(7)} ${'bar'.padStart(7)}  ${'score'.padStart(5)} ${'bar'.padStart(5)}  ${'LCP'.padStart(7)} ${'bar'.padStart(7)}`,
    );
    for (const m of measured) {
      const isBase = m === base;
      const js = kb(m.jsBytes);
      const score = median(m.scores);
      const lcp = median(m.lcps) / 1000;
      const ok = (pass: boolean) => (isBase ? '' : pass ? ' ok' : ' MISS');
      console.log(
        `${m.page.name.padEnd(32)} ${`${js.toFixed(1)} KB`.padStart(9)} ${`${(m.jsBytes / base.jsBytes).toFixed(2)}×`.padStart(7)} ${isBase ? ''.padStart(7) : `≤ ${BAR_JS_KB}`.padStart(7)}${ok(js <= BAR_JS_KB).padEnd(5)} ${String(score).padStart(5)} ${isBase ? ''.padStart(5) : `≥ ${BAR_SCORE}`.padStart(5)}${ok(score >= BAR_SCORE).padEnd(5)} ${`${lcp.toFixed(2)} s`.padStart(7)} ${isBase ? ''.padStart(7) : `≤ ${BAR_LCP_S} s`.padStart(7)}${ok(lcp <= BAR_LCP_S)}`,
      );
    }
    console.log(
      `\nlast round: ${measured.map((m) => `${m.page.name.split(' ')[0]} ${m.detail}`).join('; ')}`,
    );
    console.log(
      `scores per round: ${measured.map((m) => `${m.page.name.split(' ')[0]} ${m.scores.join('/')}`).join(', ')}`,
    );
    console.log(
      `scripts loaded:\n${measured.map((m) => `  ${m.page.name}: ${m.scripts.join(' ')}`).join('\n')}`,
    );
  } finally {
    await chrome.kill();
    child.kill('SIGTERM');
    baseline.server.close();
    rmSync(baselineDir, { recursive: true, force: true });
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
