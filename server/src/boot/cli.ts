/** dist/cli.js: runs the CLI bundle, dist/lib/cli.js, through the code cache. */
import { runBundle } from './bundleLoader';
import { setCliV8Flags } from './v8Flags';

// `check`'s GC flags (cliMain.ts says why) before the bundle is compiled: V8 checks a code cache
// against its flags, so a cache written by a `check` is read by the next `check`
if (process.argv[2] === 'check') setCliV8Flags();
runBundle('cli.js');
