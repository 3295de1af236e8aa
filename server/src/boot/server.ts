/** dist/server.js: runs the language server bundle, dist/lib/server.js, through the code cache. */
import { runBundle } from './bundleLoader';
import { setServerV8Flags } from './v8Flags';

// V8 checks a code cache against its flags, so they are set before the bundle is compiled: set
// inside it, the cache written after the run would never match the next start's flags, and
// every start would compile the bundle afresh.
setServerV8Flags();
runBundle('server.js');
