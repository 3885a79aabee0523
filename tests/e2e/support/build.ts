import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const H5_DIR = join(ROOT, 'miniapp/dist/h5');

/** Newest modification time under a path (files only; test files do not change the build). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => (/\.test\.tsx?$/.test(name) ? max : Math.max(max, newest(join(path, name)))), 0);
}

const INPUTS = ['miniapp/src', 'miniapp/config', 'miniapp/package.json', 'miniapp/babel.config.cjs', 'shared/src'].map((p) =>
  join(ROOT, p),
);

/** Builds the h5 mini program when its build is missing or older than any of its sources. */
export function ensureH5Build(): void {
  const built = newest(join(H5_DIR, 'index.html'));
  const sources = Math.max(...INPUTS.map(newest));
  if (built > sources) return;
  try {
    execFileSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const out = `${(e as { stdout?: Buffer }).stdout ?? ''}${(e as { stderr?: Buffer }).stderr ?? ''}`;
    throw new Error(`npm run build:h5 failed:\n${out.slice(-6000)}`);
  }
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error('npm run build:h5 did not produce miniapp/dist/h5/index.html');
}
