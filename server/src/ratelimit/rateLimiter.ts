import type { DataSource } from 'typeorm';
import { dbKind } from '../db/dataSource.js';
import { isRetryable } from '../db/transaction.js';
import type { Clock } from '../services.js';

interface Window {
  minute: number;
  /** Hits this process counted and has not yet written. */
  pending: number;
  /** The sum over all processes when this process last wrote. */
  shared: number;
  sync?: Promise<void>;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed one-minute windows per bucket (action + client address), counted in the database so that
 * every process behind a load balancer enforces one budget. To keep a write off every scan, a
 * process writes its hits in slices of a tenth of the budget (and whenever it nears the limit):
 * N processes can overshoot by at most N slices.
 */
export class RateLimiter {
  private windows = new Map<string, Window>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async hit(bucket: string, limitPerMinute: number): Promise<RateDecision> {
    const nowMs = this.clock().getTime();
    const minute = Math.floor(nowMs / 60_000);
    let w = this.windows.get(bucket);
    if (!w || w.minute !== minute) {
      if (this.windows.size > 10_000) this.forgetBefore(minute);
      w = { minute, pending: 0, shared: 0 };
      this.windows.set(bucket, w);
    }
    w.pending++;
    const slice = Math.max(1, Math.floor(limitPerMinute / 10));
    if (w.pending >= slice || w.shared + w.pending > limitPerMinute - slice) {
      await (w.sync ??= this.write(bucket, w).finally(() => (w.sync = undefined)));
    }
    if (w.shared + w.pending <= limitPerMinute) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.ceil(((minute + 1) * 60_000 - nowMs) / 1000) };
  }

  private async write(bucket: string, w: Window): Promise<void> {
    const add = w.pending;
    w.pending -= add;
    const upsert =
      dbKind(this.ds) === 'mysql'
        ? 'INSERT INTO rate_limit_hits (bucket, minute, hits) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE hits = hits + VALUES(hits)'
        : 'INSERT INTO rate_limit_hits (bucket, minute, hits) VALUES (?, ?, ?) ON CONFLICT (bucket, minute) DO UPDATE SET hits = hits + excluded.hits';
    // A single statement, but on Galera two processes' upserts of one bucket can still conflict.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ds.query(upsert, [bucket, w.minute, add]);
        break;
      } catch (err) {
        if (!isRetryable(err) || attempt >= 5) throw err;
      }
    }
    const rows: { hits: number | string }[] = await this.ds.query('SELECT hits FROM rate_limit_hits WHERE bucket = ? AND minute = ?', [bucket, w.minute]);
    w.shared = Number(rows[0]?.hits ?? add);
    // Old windows are useless; the first writer of a new minute clears them now and then.
    if (Math.random() < 0.01) await this.ds.query('DELETE FROM rate_limit_hits WHERE minute < ?', [w.minute - 5]);
  }

  private forgetBefore(minute: number): void {
    for (const [bucket, w] of this.windows) if (w.minute < minute) this.windows.delete(bucket);
  }
}
