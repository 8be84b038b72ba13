// `pnpm restore --from FILE [--data-dir DIR] [--force]`: unpacks a backup made by `pnpm backup`
// (a gzip-compressed tar of the embedded database folder) into an empty data folder. Stop Quip
// first: a folder in use by a running Quip is refused, always. A folder that holds anything is
// refused unless --force, which replaces what it holds. Then start Quip on the folder as usual.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const USAGE = `usage: pnpm restore --from FILE [--data-dir DIR] [--force]
  --from FILE     a backup written by \`pnpm backup\`
  --data-dir DIR  the folder to restore into (default: QUIP_DATA_DIR, else ./.quip, as \`pnpm start\` uses)
  --force         replace what the folder holds (never while a Quip process runs on it)`;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The pid lock of a running Quip (packages/db/src/data-dir-lock.ts): never part of a restore.
const LOCK_FILE = 'quip.lock';

function fail(message) {
  process.stderr.write(`restore: ${message}\n`);
  process.exit(1);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      from: { type: 'string' },
      'data-dir': { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  fail(`${error.message}\n${USAGE}`);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!options.from) fail(`--from is required\n${USAGE}`);

// pnpm runs scripts in the repository's root: paths given here are the caller's; QUIP_DATA_DIR is
// resolved as `pnpm start` resolves it, from the root.
const here = process.env.INIT_CWD ?? process.cwd();
const from = resolve(here, options.from);
const dataDir = options['data-dir']
  ? resolve(here, options['data-dir'])
  : resolve(root, process.env.QUIP_DATA_DIR ?? '.quip');

if (!existsSync(from)) fail(`no backup at ${from}`);
const runningPid = runningQuipOf(dataDir);
if (runningPid !== null) fail(`Quip (process ${runningPid}) runs on ${dataDir}: stop it first`);
const present = existsSync(dataDir) ? await readdir(dataDir) : [];
if (present.length > 0 && !options.force) {
  fail(`${dataDir} is not empty: restore into an empty folder, or pass --force to replace what it holds`);
}

let entries;
try {
  entries = readTar(unzipped(readFileSync(from)));
} catch (error) {
  fail(`${from} is not a backup of Quip: ${error.message}`);
}
if (!entries.some((e) => e.type === 'file' && e.path === 'PG_VERSION')) {
  fail(`${from} is not a backup of Quip: it holds no database folder (PG_VERSION is missing)`);
}

// Unpacked beside the folder, then moved into place: a failed restore leaves no half-written folder.
const staging = `${dataDir}.restoring-${process.pid}`;
try {
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true, mode: 0o700 });
  for (const entry of entries) {
    if (entry.path === LOCK_FILE) continue;
    const target = join(staging, entry.path);
    if (entry.type === 'dir') await mkdir(target, { recursive: true, mode: 0o700 });
    else {
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await writeFile(target, entry.data, { mode: 0o600 });
    }
  }
  if (runningQuipOf(dataDir) !== null) throw new Error(`a Quip process started on ${dataDir} meanwhile`);
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dirname(dataDir), { recursive: true });
  await rename(staging, dataDir);
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  fail(`nothing was restored: ${error.message}`);
}
const files = entries.filter((e) => e.type === 'file').length;
process.stdout.write(`restored ${files} files into ${dataDir}; start Quip on it (QUIP_DATA_DIR)\n`);

/** The pid of a live process holding the folder's lock, else null. */
function runningQuipOf(dir) {
  const lockFile = join(dir, LOCK_FILE);
  if (!existsSync(lockFile)) return null;
  const pid = Number(readFileSync(lockFile, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return error.code === 'EPERM' ? pid : null;
  }
}

function unzipped(bytes) {
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/**
 * The entries of a ustar archive (PGlite's dumpDataDir writes ustar, names relative to the data
 * folder with a leading '/'). Refuses names that would leave the folder and entry kinds a data
 * folder does not hold (links, devices).
 */
function readTar(bytes) {
  const entries = [];
  let offset = 0;
  let longName = null;
  while (offset + 512 <= bytes.length) {
    const header = bytes.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const text = (from, length) => {
      const field = header.subarray(from, from + length);
      const end = field.indexOf(0);
      return Buffer.from(end === -1 ? field : field.subarray(0, end)).toString('utf8');
    };
    const size = Number.parseInt(text(124, 12).trim() || '0', 8);
    if (!Number.isSafeInteger(size) || size < 0) throw new Error('a damaged entry header');
    const checksum = Number.parseInt(text(148, 8).trim(), 8);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
    if (sum !== checksum) throw new Error('a damaged entry header (checksum)');
    const type = String.fromCharCode(header[156] || 48);
    const prefix = text(257, 6).startsWith('ustar') ? text(345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    longName = null;
    const dataStart = offset + 512;
    if (dataStart + size > bytes.length) throw new Error('the archive is cut short');
    const data = bytes.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = Buffer.from(data).toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'x' || type === 'g') continue;
    const path = safePath(name);
    if (path === '') continue;
    if (type === '0' || type === '7') entries.push({ type: 'file', path, data });
    else if (type === '5') entries.push({ type: 'dir', path });
    else throw new Error(`an entry of a kind a data folder does not hold (${type})`);
  }
  if (entries.length === 0) throw new Error('it holds no files');
  return entries;
}

function safePath(name) {
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..' || part.includes('\\') || part.includes(sep))) {
    throw new Error(`an entry outside the data folder (${JSON.stringify(name)})`);
  }
  return parts.join('/');
}
