import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../../src/bootstrap';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Something `TestClient` can talk to over real HTTP: it only calls `inject`, so this answers it
 * with `fetch` against a running process.
 */
export function overHttp(baseUrl: string): FastifyInstance {
  return {
    async inject(options: {
      method: string;
      url: string;
      headers?: Record<string, string>;
      payload?: unknown;
    }) {
      const body =
        options.payload === undefined
          ? undefined
          : typeof options.payload === 'string'
            ? options.payload
            : JSON.stringify(options.payload);
      const response = await fetch(new URL(options.url, baseUrl), {
        method: options.method,
        headers: {
          ...(body !== undefined && typeof options.payload !== 'string'
            ? { 'content-type': 'application/json' }
            : {}),
          ...options.headers,
        },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      const headers: Record<string, string | string[]> = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      const setCookie = response.headers.getSetCookie();
      if (setCookie.length > 0) headers['set-cookie'] = setCookie;
      return { statusCode: response.status, headers, body: text, json: () => JSON.parse(text) };
    },
  } as unknown as FastifyInstance;
}

export interface AppProcess {
  url: string;
  role: string;
  child: ChildProcess;
  /** Everything the process wrote (stdout and stderr), for a failing test's message. */
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Starts the product as its own process (`node --import tsx src/main.ts` unless `args` says
 * otherwise, with the Node.js running the tests) on a free port with `env`, and waits until
 * `/ready` answers 200.
 */
export async function startAppProcess(
  env: Record<string, string>,
  options: { readyWithin?: number; args?: string[] } = {},
) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bb-proc-'));
  const child = spawn(process.execPath, options.args ?? ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output = (output + String(chunk)).slice(-20_000);
  });
  child.stderr?.on('data', (chunk) => {
    output = (output + String(chunk)).slice(-20_000);
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const proc: AppProcess = {
    url,
    role: env.ROLE ?? 'all',
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + (options.readyWithin ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the process exited at start:\n${output}`);
    try {
      const r = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(5_000) });
      if (r.status === 200) return proc;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await proc.stop('SIGKILL');
      throw new Error(`the process was not ready in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Polls `check` until it returns a value that is not undefined/false, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
