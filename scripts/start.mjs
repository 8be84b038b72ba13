// `npm start`: on a fresh clone with only Node installed, installs what Quip needs, builds the admin
// SPA when its sources changed, and starts API + SPA + worker (embedded unless DATABASE_URL /
// REDIS_URL say otherwise). Signals are passed on so Ctrl-C shuts Quip down cleanly.
import { execFileSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };

function hasPnpm() {
  try {
    execFileSync('pnpm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function run(command, args) {
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env });
}

if (!hasPnpm()) {
  console.error(`installing pnpm ${PNPM_VERSION}`);
  run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);
}
run('pnpm', ['install', '--frozen-lockfile', '--reporter=silent']);
// Turbo's cache makes this a no-op when the SPA sources have not changed.
run('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@quip/web', '--output-logs=errors-only']);

const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
