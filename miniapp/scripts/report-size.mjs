// Prints the size of a build: the WeChat main package (hard limit 2 MB, ours < 1 MB), or the h5
// first load (what index.html pulls in), raw and gzipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const target = process.argv[2];
const root = resolve(import.meta.dirname, '..', 'dist', target);
const MAIN_PACKAGE_BUDGET = 1024 * 1024;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (target === 'weapp') {
  // No subpackages: every file in dist/weapp is in the main package (source maps are not uploaded).
  const shipped = files(root).filter((f) => !f.endsWith('.map'));
  const bytes = shipped.reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(
    `weapp main package: ${bytes} bytes (${kib(bytes)}) in ${shipped.length} files; budget ${kib(MAIN_PACKAGE_BUDGET)}, WeChat limit 2048 KiB`,
  );
  if (bytes > MAIN_PACKAGE_BUDGET) {
    console.error('weapp main package is over the 1 MB budget');
    process.exit(1);
  }
} else if (target === 'h5') {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let raw = 0;
  let gz = 0;
  for (const asset of ['index.html', ...assets]) {
    const body = readFileSync(join(root, asset));
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  console.log(`h5 first load: ${assets.length + 1} files, ${raw} bytes (${kib(raw)}), gzip ${gz} bytes (${kib(gz)})`);
} else {
  console.error('usage: report-size.mjs weapp|h5');
  process.exit(2);
}
