import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    galeraDir: string;
  }
}

const script = fileURLToPath(new URL('./cluster.sh', import.meta.url));

/**
 * Starts the 3-node cluster once for the whole suite and stops it at the end. GALERA_DIR reuses a
 * cluster you keep running while developing (`tests/galera/cluster.sh start /tmp/ic-galera`).
 */
export default async function setup(project: TestProject) {
  const kept = process.env.GALERA_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'ic-galera-'));
  const teardown = async () => {
    if (kept) return;
    await promisify(execFile)(script, ['clean', dir], { timeout: 150_000 });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const { stdout } = await promisify(execFile)(script, ['start', dir], { timeout: 150_000 });
    process.stdout.write(stdout);
  } catch (err) {
    await teardown().catch(() => undefined);
    throw err;
  }
  project.provide('galeraDir', dir);
  return teardown;
}
