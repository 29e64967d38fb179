import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on the loopback interface in front of a server (here PostgreSQL), which a test can
 * cut — every open connection is reset and new ones are refused, as when the database restarts —
 * and restore, or freeze (connections stay open, nothing gets through). The shared PostgreSQL server
 * itself is never touched.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let cut = false;
  let frozen = false;
  const server: Server = createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    // Bytes are forwarded while the proxy is not frozen; frozen, they vanish, as on a network that
    // drops packets without resetting anything.
    client.on('data', (chunk) => {
      if (!frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!frozen) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    cut() {
      cut = true;
      for (const s of sockets) s.resetAndDestroy();
    },
    restore() {
      cut = false;
      frozen = false;
    },
    /** Open connections stay open but nothing gets through, either way: a frozen network. */
    freeze() {
      frozen = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
