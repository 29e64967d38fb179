/**
 * `npm run dev`: the API with restart on change (node --watch) on PORT (3000) and the Vite dev
 * server with hot reload on 5173, which proxies /api to the API. Open http://localhost:5173.
 */
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'src/main.ts'], {
    stdio: 'inherit',
    env: process.env,
  }),
  spawn('npx', ['vite', '--port', '5173'], { stdio: 'inherit', env: process.env }),
];

function stop() {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && code !== 0 && stop());
