/** Latency percentiles and the summary line of one endpoint's run. */

export interface EndpointFigures {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  rps: number;
  ratio_to_baseline: number;
  requests: number;
  errors: number;
}

/** The q-quantile (nearest rank) of ascending `sorted`. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function figures(latencies: number[], seconds: number, errors: number, baselineRps: number | null): EndpointFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const rps = latencies.length / seconds;
  return {
    p50_ms: round(percentile(sorted, 0.5)),
    p95_ms: round(percentile(sorted, 0.95)),
    p99_ms: round(percentile(sorted, 0.99)),
    rps: round(rps, 1),
    ratio_to_baseline: baselineRps ? round(rps / baselineRps, 3) : 1,
    requests: latencies.length,
    errors,
  };
}

export function table(rows: [string, EndpointFigures][]): string {
  const head = ['endpoint', 'p50 ms', 'p95 ms', 'p99 ms', 'rps', 'ratio', 'requests', 'errors'];
  const lines = rows.map(([name, f]) => [name, f.p50_ms, f.p95_ms, f.p99_ms, f.rps, f.ratio_to_baseline, f.requests, f.errors].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}
