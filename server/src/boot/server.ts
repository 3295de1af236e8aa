/** dist/server.js: runs the language server bundle, dist/lib/server.js, through the code cache. */
import * as v8 from 'node:v8';
import { runBundle } from './bundleLoader';

// The server turns on --expose-gc (see server.ts). V8 checks a code cache against its flags, so
// the flag is set before the bundle is compiled: set inside it, the cache written after the run
// would never match the next start's flags, and every start would compile the bundle afresh.
v8.setFlagsFromString('--expose-gc');
runBundle('server.js');
