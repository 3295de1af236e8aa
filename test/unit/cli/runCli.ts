/** Runs the CLI in the test process: its output, its errors and its exit status. */
import { runCli } from '../../../server/src/cli';

export function run(args: string[], cwd = process.cwd(), stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    cwd,
    ...(stdin === undefined ? {} : { readStdin: () => stdin }),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
