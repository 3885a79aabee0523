import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** Drives `url` with autocannon from this process (the server runs in another). */
export async function load(options: {
  url: string;
  body?: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  seconds: number;
  /** Stop after this many requests instead of after `seconds`. */
  amount?: number;
  connections?: number;
  rate?: number;
  requests?: autocannon.Request[];
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'POST',
    body: options.body,
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    connections: options.connections ?? 32,
    overallRate: options.rate,
    requests: options.requests,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}
