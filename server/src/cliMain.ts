/** The `infra-lsp` command (dist/cli.js): argv in, exit status out. */
import { runCli } from './cli';

process.exitCode = runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  cwd: process.cwd(),
});
