import cliProgress from 'cli-progress';

/**
 * The generator's bar: tickets done and the rows per second written, averaged over the last
 * ten seconds (the rate sags as indexes grow, which a whole-run average would hide for long).
 */
export function generationProgress(label: string) {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {rows} rows, {rate} rows/s | {elapsed}`,
      hideCursor: true,
      noTTYOutput: true,
      // Without a terminal (a log file) one line every half minute, not one per batch.
      notTTYSchedule: 30_000,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  const window: { at: number; rows: number }[] = [];
  let running = false;
  return {
    update(done: number, total: number, rows: number) {
      const at = Date.now();
      window.push({ at, rows });
      while (window.length > 2 && at - window[0]!.at > 10_000) window.shift();
      const first = window[0]!;
      const rate = at > first.at ? Math.round(((rows - first.rows) * 1000) / (at - first.at)) : 0;
      const payload = { rows: rows.toLocaleString('en-US'), rate: rate.toLocaleString('en-US'), elapsed: clock(at - started) };
      if (!running) {
        bar.start(total, done, payload);
        running = true;
      } else bar.update(done, payload);
    },
    stop() {
      if (running) bar.stop();
    },
  };
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
