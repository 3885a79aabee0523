import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../support/process.js';

function folderBytes(dir: string, skip: (path: string) => boolean = () => false): number {
  let total = 0;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (skip(path)) continue;
    const s = statSync(path);
    total += s.isDirectory() ? folderBytes(path, skip) : s.size;
  }
  return total;
}

/** QR content length (goal ≤ 300), weapp main package bytes, h5 first-load bytes gzipped. */
export async function measureSizes(qrContent: string): Promise<[string, string, string][]> {
  const out: [string, string, string][] = [];
  if (qrContent) out.push(['QR content length', `${qrContent.length} chars`, 'goal ≤ 300; EU DCC ≈ 500+, SMART Health Card ≈ 1000+']);
  const weapp = join(repoRoot, 'miniapp/dist/weapp');
  if (existsSync(weapp)) out.push(['weapp main package', `${(folderBytes(weapp, (p) => p.endsWith('.map')) / 1024).toFixed(0)} KiB`, 'limit 2 MiB, goal < 1 MiB']);
  const h5 = join(repoRoot, 'miniapp/dist/h5');
  const index = join(h5, 'index.html');
  if (existsSync(index)) {
    const html = readFileSync(index, 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/?([^"?#]+\.(?:js|css))"/g)].map((m) => join(h5, m[1]!)).filter(existsSync);
    const bytes = [index, ...assets].reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
    out.push(['h5 first load (gzip)', `${(bytes / 1024).toFixed(0)} KiB`, `${assets.length + 1} files`]);
  }
  return out;
}
