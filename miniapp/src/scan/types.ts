/** What a scan gives back, on every platform. */
export type ScanOutcome = { kind: 'content'; content: string } | { kind: 'cancelled' } | { kind: 'failed' };
