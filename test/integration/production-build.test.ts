import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/bootstrap';
import { buildServer, cacheControlFor } from '../../src/http/server';
import { openTestDatabase, testEngines } from '../support/engines';
import { startAppProcess } from '../support/processes';
import { createTestApp, type TestApp } from '../support/test-app';

/** Issue 17 items 5 and 6 (server part): compiled production start, compression, immutable caching. */
describe('compression and caching of the web app (issue 17.6)', () => {
  let app: TestApp;
  let webDir: string;
  let server: Awaited<ReturnType<typeof buildServer>>;
  const script = `console.log(${JSON.stringify('bedriftsbillett '.repeat(400))});\n`;

  beforeAll(async () => {
    app = await createTestApp('pglite');
    webDir = mkdtempSync(path.join(tmpdir(), 'bb-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(
      path.join(webDir, 'index.html'),
      `<!doctype html><title>x</title>${'<p>hei</p>'.repeat(300)}`,
    );
    writeFileSync(path.join(webDir, 'assets', 'order-B2x9_kQz.js'), script);
    server = await buildServer(app.ctx, { webDir, logger: false });
    await server.ready();
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('hashed assets are immutable for a year and brotli-compressed; index.html is revalidated', async () => {
    const asset = await server.inject({
      method: 'GET',
      url: '/assets/order-B2x9_kQz.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(asset.rawPayload).toString()).toBe(script);

    const page = await server.inject({
      method: 'GET',
      url: '/bestill/abc',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.rawPayload).toString()).toContain('<p>hei</p>');
  });

  it('JSON answers are compressed too when the client accepts it, and not when it does not', async () => {
    const zipped = await server.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString()).openapi).toBe('3.1.0');
    const plain = await server.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('only names with a content hash count as immutable', () => {
    expect(cacheControlFor('/srv/web/assets/index-DiwrgTda.css')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/srv/web/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/web/sw.js')).toBe('no-cache');
    expect(cacheControlFor('/srv/web/manifest.webmanifest')).toBe('no-cache');
  });
});

describe.skipIf(!testEngines().includes('postgres'))(
  'production start runs compiled JavaScript (issue 17.5)',
  () => {
    it('npm run build:server makes dist/server/main.js, which starts without tsx and serves /ready', async () => {
      const built = spawnSync('npm', ['run', 'build:server'], { cwd: projectRoot, encoding: 'utf8' });
      expect(built.status, built.stderr).toBe(0);
      const database = await openTestDatabase('postgres');
      try {
        const proc = await startAppProcess(
          { DATABASE_URL: database.url!, NODE_OPTIONS: '' },
          { args: [path.join(projectRoot, 'dist', 'server', 'main.js')] },
        );
        const ready = await (await fetch(`${proc.url}/ready`)).json();
        expect(ready.status).toBe('ready');
        // No TypeScript loader in the process: nothing under node_modules/tsx was loaded.
        expect(proc.child.spawnargs.join(' ')).not.toContain('tsx');
        expect(await proc.stop('SIGTERM')).toBe(0);
      } finally {
        await database.close();
      }
    }, 180_000);
  },
);
