/** What the in-process micro-benchmarks (named-perf, zone-perf) share: their options, a timer, the median. */

const argv = process.argv.slice(2);

/** `--name=value` from the command line, or `dflt`. */
export const opt = (name: string, dflt: string): string =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Milliseconds `fn` takes. */
export function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
