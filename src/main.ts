import { existsSync } from 'node:fs';
import path from 'node:path';
import { createApp, projectRoot } from './bootstrap';
import { ConfigError, loadConfig } from './config';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  let demo: { orderUrl: string } | null = null;
  if (config.DEMO_DATA) {
    const { seedDemoData } = await import('./db/demo');
    demo = await seedDemoData(app.ctx);
  }
  await app.server.listen({ port: config.PORT, host: config.HOST });

  const url = config.publicUrl;
  const lines = [
    '',
    `Bedriftsbillett is running (ROLE=${config.ROLE})`,
    `  Database:        ${config.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${path.resolve(config.DATA_DIR)}`}`,
    `  Start page:      ${url}/`,
    `  Operator:        ${url}/operator`,
    `  Company portal:  ${url}/bedrift`,
    `  Ticket check:    ${url}/kontroll`,
    `  API docs:        ${url}/api/docs`,
    `  Health:          ${url}/health`,
  ];
  if (config.isDev) {
    lines.push(
      `  Sent SMS/email:  ${url}/dev/meldinger`,
      '',
      'Demo logins (development only):',
      `  Operator:        ${config.OPERATOR_EMAIL} / ${config.OPERATOR_PASSWORD}`,
    );
    if (config.DEMO_DATA) {
      lines.push(
        '  Company admin:   admin@demo-bedrift.no / demo-password-123',
        `  Employee:        ${demo?.orderUrl ?? '(order link in the portal)'} — any mobile number; the SMS code is on /dev/meldinger`,
      );
    } else {
      lines.push('  (run `npm run demo` for a demo company with an admin login and thirty employees)');
    }
  }
  if (!existsSync(path.join(projectRoot, 'dist', 'web', 'index.html'))) {
    lines.push('', 'Note: the web app is not built; run `npm run build` (the API works without it).');
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.ctx.log.info({ signal }, 'stopping: finishing requests and jobs in flight');
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
