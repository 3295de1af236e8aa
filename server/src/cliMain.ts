/** The `infra-lsp` command (dist/cli.js): argv in, exit status out. */
import { runCli } from './cli';

// `infra-lsp check big.conf | head`: the reader is gone, which is no error of ours; stop
// quietly with the status the check gave, as Unix tools do (not with a stack trace)
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit();
});

process.exitCode = runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  cwd: process.cwd(),
});
