// Fails the build when the JavaScript the browser loads first grows past the budget (gzipped).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 350 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');

// What index.html loads up front: its module script and every modulepreload.
const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]));
const all = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js') || name.endsWith('.css'));

let initialTotal = 0;
for (const name of all.sort()) {
  const bytes = readFileSync(join(dist, 'assets', name));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const isInitial = initial.has(`assets/${name}`);
  if (isInitial) initialTotal += gzipped;
  console.log(`${(gzipped / 1024).toFixed(1).padStart(8)} KB gz  ${(bytes.length / 1024).toFixed(1).padStart(8)} KB  assets/${name}${isInitial ? '  (initial)' : ''}`);
}
console.log(`initial JavaScript: ${(initialTotal / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`);
if (initial.size === 0) {
  console.error('found no script in dist/index.html: the size check cannot run');
  process.exit(1);
}
if (initialTotal > BUDGET_BYTES) {
  console.error(`initial JavaScript is over budget by ${((initialTotal - BUDGET_BYTES) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
