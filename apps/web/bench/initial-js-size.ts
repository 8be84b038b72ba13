/**
 * The JavaScript a first visit downloads: every script and modulepreload that dist/index.html
 * names (lazy routes, the what-if worker and source maps are not counted), gzip-compressed at
 * level 9 as a server would send it. Run after `pnpm --filter @quip/web build`:
 * node --import tsx apps/web/bench/initial-js-size.ts
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '../dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
let js = 0;
let css = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  if (file.endsWith('.js')) js += size;
  else css += size;
  console.log(`${file}: ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(`initial JS: ${(js / 1024).toFixed(1)} KB gzip (CSS ${(css / 1024).toFixed(1)} KB gzip)`);
