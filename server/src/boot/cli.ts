/** dist/cli.js: runs the CLI bundle, dist/lib/cli.js, through the code cache. */
import { runBundle } from './bundleLoader';

// the CLI's V8 flags are set by the bundle for `check` only (cliMain.ts): they are GC settings,
// which V8 takes at any time, and the code cache is made and read with the same flags whatever
// the command
runBundle('cli.js');
