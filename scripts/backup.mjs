// `pnpm backup [--out FILE] [--url URL]`: asks a running Quip (embedded database) for a consistent
// backup of its data folder and writes it to FILE. Only the running process may read its folder, so
// the backup is made by Quip itself (POST /api/v1/admin/backup, an admin key in QUIP_ADMIN_KEY) and
// Quip keeps serving while it runs. Restore it with `pnpm restore --from FILE` (scripts/restore.mjs).
// On PostgreSQL (DATABASE_URL) use pg_dump instead: Quip answers 409.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

const USAGE = `usage: pnpm backup [--out FILE] [--url URL]
  --out FILE  where to write the backup (default: the name Quip suggests, in this folder)
  --url URL   where Quip runs (default: QUIP_URL, else http://HOST:PORT, else http://127.0.0.1:3000)
  The admin key is read from QUIP_ADMIN_KEY.`;

function fail(message) {
  process.stderr.write(`backup: ${message}\n`);
  process.exit(1);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: { out: { type: 'string' }, url: { type: 'string' }, help: { type: 'boolean' } },
  }));
} catch (error) {
  fail(`${error.message}\n${USAGE}`);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const key = process.env.QUIP_ADMIN_KEY;
if (!key) fail(`set QUIP_ADMIN_KEY to an API key with the admin role\n${USAGE}`);
const base =
  options.url ??
  process.env.QUIP_URL ??
  `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '3000'}`;
// pnpm runs scripts in the repository's root: paths are the caller's, from where pnpm was called.
const here = process.env.INIT_CWD ?? process.cwd();

let res;
try {
  res = await fetch(new URL('/api/v1/admin/backup', base), {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}` },
  });
} catch (error) {
  fail(`cannot reach Quip at ${base}: ${error.cause?.message ?? error.message}`);
}
if (!res.ok || !res.body) {
  const problem = await res.json().catch(() => null);
  fail(`Quip answered ${res.status}: ${problem?.detail ?? res.statusText}`);
}

const suggested = /filename="([^"/\\]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
const out = resolve(here, options.out ?? suggested ?? 'quip-backup.tar.gz');
// Written beside the target and renamed when complete: a broken download leaves no half backup.
const partial = `${out}.partial`;
try {
  await pipeline(Readable.fromWeb(res.body), createWriteStream(partial, { mode: 0o600 }));
  await rename(partial, out);
} catch (error) {
  await rm(partial, { force: true });
  fail(`the backup was not written: ${error.message}`);
}
process.stdout.write(`${out}\n`);
