/** The `infra-lsp` command (dist/cli.js): argv in, exit status out. */
import { decodeDeclared } from './vmx/charsets';
import * as fs from 'node:fs';
import { runCli } from './cli';
import { setCliV8Flags } from './boot/v8Flags';

// `check` holds a few large typed-array trees: a small young generation saves 30-40 MB at the
// peak. `format` makes many objects that live on (a record each): there it tripled the time
if (process.argv[2] === 'check') setCliV8Flags();

// `infra-lsp check big.conf | head`: the reader is gone, which is no error of ours; stop
// quietly with the status the check gave, as Unix tools do (not with a stack trace)
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit();
});

/** All of standard input (a pipe, a file or a terminal), read only for a `-` argument. */
function readStdin(): string {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // a pipe left non-blocking by the process before us: wait a little and read again
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return decodeDeclared(Buffer.concat(chunks));
}

process.exitCode = runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  cwd: process.cwd(),
  readStdin,
});
